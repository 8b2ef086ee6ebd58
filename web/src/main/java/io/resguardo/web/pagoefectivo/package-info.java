/**
 * The client of PagoEfectivo's API v1 (CONTRACT.md section 2) on the JDK's {@code java.net.http.HttpClient} and JSON-P.
 * {@link io.resguardo.web.pagoefectivo.PagoEfectivoClient} is the entry point; every failure is a
 * {@link io.resguardo.web.pagoefectivo.PagoEfectivoException} whose kind says what the caller does and whose code is
 * the contract code to answer with.
 *
 * <h2>Wire format as sent</h2>
 * <ul>
 *   <li>Every call: {@code Accept: application/json}, {@code Accept-Language: es-PE}, {@code Origin: web}, JSON bodies
 *       as {@code application/json} UTF-8; every call but the authorization {@code Authorization: Bearer <token>}.
 *       HTTP/1.1; redirects are never followed (a redirected POST would carry the body, and the token, elsewhere).</li>
 *   <li>{@code POST /v1/authorizations}: {@code {"accessKey","idService"(number),"dateRequest","hashString"}}, with a
 *       new {@code dateRequest} (Lima time, core {@code PagoEfectivoAuth}) and hash for every attempt.</li>
 *   <li>{@code POST /v1/cips}: {@code currency}, {@code amount} (a JSON number with exactly two decimals,
 *       {@code 150.50}), {@code transactionCode}, {@code dateExpiry}, {@code paymentConcept}, then
 *       {@code additionalData} and {@code adminEmail} when given, {@code userEmail}, {@code userName} and
 *       {@code userLastName} when known, {@code userCountry} always {@code "PER"}, {@code userDocumentType} (our names
 *       {@code DNI}, {@code CE}, {@code RUC}, {@code PAS}) and {@code userDocumentNumber} when known, {@code userPhone}
 *       (digits) and {@code userCodeCountry} ({@code +51}) as stored. Absent optional members are omitted, never sent
 *       empty; {@code userUbigeo} is never sent. {@code dateExpiry} is Lima time formatted
 *       {@code yyyy-MM-dd HH:mm:ssXXX} ({@code 2026-11-27 10:15:30-05:00}), the form of PagoEfectivo's examples; the
 *       same for {@code PATCH /v1/cips/{cip}} {@code {"dateExpiry"}}. {@code DELETE /v1/cips/{cip}} has no body.
 *       A CIP in a path must be 1 to 32 letters or digits.</li>
 *   <li>{@code POST /v1/cips/search}: {@code {"cips":["2526391","2526392"]}}, 1 to 100 CIPs. <b>Assumed</b>: the
 *       contract names the call, not its body; {@code WireBodies.search} is the one place to change if PagoEfectivo's
 *       guide says otherwise (for example a comma-separated string).</li>
 * </ul>
 *
 * <h2>Answers as read (leniently: unknown members ignored, numbers and strings taken for each other)</h2>
 * <ul>
 *   <li>{@code code} as {@code "100"} or {@code 100}. Authorization: {@code data.token} (visible ASCII, kept in a
 *       {@code Secret}) and {@code data.tokenExpires} in any ISO-like form ({@code T} or space, fraction, offset
 *       {@code -05:00}, {@code -0500}, {@code -05}, {@code Z}, or none meaning Lima); an hour is assumed when absent or
 *       unreadable.</li>
 *   <li>Creation: {@code data.cip} (number or string), {@code data.cipUrl} (absolute http or https) are required; an
 *       echoed {@code transactionCode}, {@code amount} or {@code currency} that differs from the request, or a missing
 *       {@code cip}/{@code cipUrl}, leaves the outcome unknown rather than guessing.</li>
 *   <li>Search: {@code data} as an array of entries, as {@code {"cips":[…]}}, or as one entry. Per entry: {@code cip}
 *       (required, else skipped); status from the first of {@code status}, {@code statusName}, {@code state},
 *       {@code cipStatus}, {@code estado} whose text maps (see {@link io.resguardo.web.pagoefectivo.CipStatus}; a
 *       numeric code stays {@code UNKNOWN} with its raw value); {@code transactionCode}, {@code amount},
 *       {@code currency}, {@code operationNumber} (or {@code numeroOperacion}) and the paid date from
 *       {@code paymentDate}, {@code datePayment}, {@code paidDate} or {@code paidAt}. Entries for CIPs not asked about
 *       are dropped.</li>
 *   <li>Delete and expiry change: any 2xx is success.</li>
 * </ul>
 *
 * <h2>Token</h2>
 * One token per client, used until 5 minutes before {@code tokenExpires} (half its life when it lives under 10
 * minutes). Renewal holds a lock: one thread renews, the others wait and take its token; when that renewal fails,
 * the threads already waiting fail with it instead of each retrying. A 401 drops the token (unless another thread
 * already replaced it) and repeats the call once with a new one; a second 401 is a credentials problem.
 *
 * <h2>Retries and outcomes</h2>
 * <ul>
 *   <li>Authorization, search, expiry change, deletion: repeated on no answer, 429 and 5xx, at most
 *       {@link io.resguardo.web.pagoefectivo.RetryPolicy#maxAttempts()} attempts, waiting
 *       {@code Retry-After} (seconds or HTTP date, capped at {@code maxDelay}) or a full-jitter backoff.</li>
 *   <li>Creation: repeated only when the request certainly did not reach the application: connection refused or
 *       timed out, TLS handshake failed. A request timeout, a connection lost after sending, a 5xx without
 *       PagoEfectivo's own JSON error (a gateway's page) or an unusable success answer: {@code OUTCOME_UNKNOWN}
 *       ({@link io.resguardo.web.pagoefectivo.CipOutcomeUnknownException}), never repeated. A 429 or a 5xx with
 *       PagoEfectivo's error body (code 166) means nothing was created: repeated like the other calls, then
 *       {@code UNAVAILABLE}.</li>
 *   <li>A server certificate that is not trusted or not issued for the host name: {@code UNAVAILABLE} at once, logged
 *       SEVERE (configuration or interception; repeating cannot help).</li>
 *   <li>401 after a fresh token, 403, code 508, any 4xx of the authorization: {@code CREDENTIALS}, logged SEVERE
 *       naming {@code PAGOEFECTIVO_SERVICE_ID}, {@code _ACCESS_KEY}, {@code _SECRET_KEY}; code 508 also drops the
 *       token.</li>
 *   <li>Other 4xx (codes 111, 112, 113, 511): {@code REJECTED} with field errors on our dotted names
 *       ({@code dateExpiry} is {@code expiresAt}, {@code userEmail} is {@code customer.email}, …; a field we do not
 *       send, or none, is {@code order}; 511 without fields is {@code amount}). Codes: 112 {@code REQUIRED}, 511
 *       {@code OUT_OF_RANGE}, others {@code INVALID_FORMAT}; PagoEfectivo's messages are never passed on (they may
 *       quote the e-mail or phone).</li>
 * </ul>
 * Each attempt is bounded by the connect timeout and the request timeout, and the whole exchange, body included, by
 * their sum; answers over 1 MiB are treated as a lost answer.
 *
 * <h2>TLS</h2>
 * TLSv1.3 and TLSv1.2 only; the configured PKCS#12 trust store or else the JVM's trust; host names always verified:
 * the client refuses to be built when the JVM-wide switch {@code jdk.internal.httpclient.disableHostnameVerification}
 * is set, since the JDK would then ignore our parameters. An optional client key store gives mutual TLS. Under
 * TLS 1.3 a server that refuses our client certificate does so after our side of the handshake, so the client sees a
 * dropped connection after sending; the authorization, which always comes first on a new client, reports it as
 * {@code UNAVAILABLE}.
 *
 * <h2>Logging</h2>
 * Through {@code SafeLog} only. FINE: each request (call, attempt, body) and answer (status, time, body), bodies
 * masked by member name first ({@code accessKey}, {@code hashString}, {@code token} hidden; e-mails, phones,
 * document numbers and names masked) and by the redactor then (which by default also knows the access and secret
 * keys). Headers are never logged. One INFO line per retried attempt or refusal of an order, WARNING when giving up
 * or when an outcome is unknown, SEVERE for credentials and certificates.
 *
 * <h2>Known limits</h2>
 * A request sent on a pooled connection that the server closed at that very moment is reported as outcome unknown
 * for a creation (the reconciler resolves it); the JDK pool drops connections it sees closed, so the window is small.
 */
package io.resguardo.web.pagoefectivo;
