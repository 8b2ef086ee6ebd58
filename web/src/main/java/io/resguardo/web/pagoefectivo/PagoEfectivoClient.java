package io.resguardo.web.pagoefectivo;

import io.resguardo.core.InvalidConfigurationException;
import io.resguardo.core.redact.Redactor;
import io.resguardo.core.secret.Secret;
import io.resguardo.web.log.SafeLog;
import io.resguardo.web.pagoefectivo.PagoEfectivoException.Kind;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * The client of PagoEfectivo's API v1 (CONTRACT.md section 2): CIP creation, search, expiry change and deletion.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>TLSv1.3 and TLSv1.2 only; the server certificate is checked against the configured trust store (the JVM's
 *       when none) and its host name is always verified; there is no trust-all mode. A client certificate is
 *       presented when configured (mutual TLS). Connect and request timeouts bound every attempt.</li>
 *   <li>One authorization token is shared by all calls, renewed 5 minutes before its {@code tokenExpires} by one
 *       thread while the others wait; a 401 drops it and repeats the call once with a new one.</li>
 *   <li>Search, expiry change, deletion and the authorization are repeated on connection failures, 429 and 5xx with
 *       exponential backoff and full jitter ({@link RetryPolicy}), honouring {@code Retry-After} up to the cap.
 *       {@link #createCip} is repeated only when nothing can have been created: the request certainly did not reach
 *       the server (connection refused or timed out, TLS handshake failed), or PagoEfectivo itself answered 429 or
 *       a 5xx with its own error body; when it may have been, it throws {@link CipOutcomeUnknownException} and is
 *       never repeated.</li>
 *   <li>Every request and answer is logged at FINE through {@link SafeLog} with credentials and personal data
 *       masked by member name first and by the redactor then; the token, the keys and {@code hashString} are never
 *       logged, thrown or shown by {@link #toString()}.</li>
 *   <li>Immutable apart from the token cache; thread-safe.</li>
 * </ul>
 * Every failure is a {@link PagoEfectivoException} whose {@link PagoEfectivoException#kind()} says what to do and
 * whose {@link PagoEfectivoException#code()} is the contract code to answer with.
 */
public final class PagoEfectivoClient {
    static final String CIPS = "/v1/cips";
    static final String SEARCH = "/v1/cips/search";
    /** CIPs are codes of digits; letters are tolerated, anything that could change a URL path is not. */
    private static final Pattern CIP = Pattern.compile("[0-9A-Za-z]{1,32}");
    static final int MAX_SEARCH = 100;
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    private final URI baseUri;
    private final long serviceId;
    private final Calls calls;
    private final Transport transport;
    private final Clock clock;
    private final TokenCache tokens;

    private PagoEfectivoClient(Builder builder) {
        this.baseUri = builder.baseUri;
        this.clock = builder.clock;
        this.serviceId = builder.serviceId;
        char[] password = builder.clientPassword;
        HttpClient http;
        try {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(builder.connectTimeout)
                    .sslContext(Tls.context(builder.trustStore, builder.clientKeyStore, password))
                    .sslParameters(Tls.parameters())
                    .build();
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        Redactor redactor = builder.redactor != null ? builder.redactor
                : Redactor.withSecrets(List.of(builder.accessKey, builder.secretKey));
        SafeLog log = new SafeLog(PagoEfectivoClient.class.getPackageName(), redactor);
        this.transport = new Transport(http, base(baseUri), builder.connectTimeout, builder.requestTimeout,
                builder.clock);
        this.calls = new Calls(this.transport, builder.retryPolicy, builder.sleeper, builder.jitter, builder.clock, log);
        this.tokens = new TokenCache(new Authorization(calls, serviceId, builder.accessKey, builder.secretKey,
                builder.clock), builder.clock);
    }

    /**
     * Starts a client for {@code baseUri} ({@code https} only; the API paths are appended to its path, so
     * {@code https://host/sandbox} reaches {@code https://host/sandbox/v1/cips}) with PagoEfectivo's credentials.
     */
    public static Builder builder(URI baseUri, long serviceId, Secret accessKey, Secret secretKey) {
        return new Builder(baseUri, serviceId, accessKey, secretKey);
    }

    /**
     * How far our clock is ahead of PagoEfectivo's (negative: behind), from the {@code Date} header of its latest
     * answer. When no answer came in the last hour, asks once: {@code GET} of the base URL without credentials (any
     * answer, even a 404, carries {@code Date}). Empty when PagoEfectivo cannot be reached. For the go-live
     * preflight: a clock more than minutes off breaks the signed {@code dateRequest} of the authorization.
     */
    public Optional<Duration> clockOffset() {
        Optional<Transport.ClockReading> reading = transport.lastClockReading()
                .filter(r -> r.at().isAfter(clock.instant().minus(Duration.ofHours(1))));
        if (reading.isEmpty()) {
            try {
                transport.send("GET", "/", null, null);
            } catch (SendFailure e) {
                return Optional.empty();
            }
            reading = transport.lastClockReading();
        }
        return reading.map(Transport.ClockReading::offset);
    }

    /**
     * {@code POST /v1/cips}.
     *
     * @throws CipOutcomeUnknownException when the request may have been acted on without a usable answer
     * @throws PagoEfectivoException      {@link Kind#REJECTED} with our field names, {@link Kind#UNAVAILABLE} or
     *                                    {@link Kind#CREDENTIALS}
     */
    public CreatedCip createCip(CipRequest request) throws PagoEfectivoException {
        Objects.requireNonNull(request, "request");
        String body = WireBodies.cip(request);
        Call<CreatedCip> call = new Call<>("POST " + CIPS, "POST", CIPS, () -> body, true, false, false,
                response -> created(request, response));
        return calls.run(call, tokens);
    }

    /**
     * {@code POST /v1/cips/search} for 1 to {@value #MAX_SEARCH} CIPs (duplicates sent once). Answers for CIPs not
     * asked about are dropped; CIPs PagoEfectivo does not mention are simply absent from the result.
     *
     * @throws IllegalArgumentException when the list is empty, too long, or a CIP is not 1 to 32 letters or digits
     * @throws PagoEfectivoException    {@link Kind#UNAVAILABLE} (also for an unreadable answer),
     *                                  {@link Kind#CREDENTIALS} or {@link Kind#REJECTED}
     */
    public List<CipState> search(List<String> cips) throws PagoEfectivoException {
        Objects.requireNonNull(cips, "cips");
        Set<String> asked = new LinkedHashSet<>();
        cips.forEach(cip -> asked.add(requireCip(cip)));
        if (asked.isEmpty() || asked.size() > MAX_SEARCH) {
            throw new IllegalArgumentException("search takes 1 to " + MAX_SEARCH + " CIPs, was " + asked.size());
        }
        String body = WireBodies.search(List.copyOf(asked));
        return calls.run(Call.repeatable("POST " + SEARCH, "POST", SEARCH, () -> body,
                response -> states(asked, response)), tokens);
    }

    /**
     * {@code DELETE /v1/cips/{cip}} (PagoEfectivo allows it only while unpaid).
     *
     * @throws IllegalArgumentException when {@code cip} is not 1 to 32 letters or digits
     * @throws PagoEfectivoException    {@link Kind#REJECTED} (for example already paid), {@link Kind#UNAVAILABLE}
     *                                  or {@link Kind#CREDENTIALS}
     */
    public void delete(String cip) throws PagoEfectivoException {
        String path = CIPS + "/" + requireCip(cip);
        calls.run(Call.repeatable("DELETE " + CIPS + "/{cip}", "DELETE", path, null, response -> null), tokens);
    }

    /**
     * {@code PATCH /v1/cips/{cip}} with {@code {"dateExpiry"}} in Lima time.
     *
     * @throws IllegalArgumentException when {@code cip} is not 1 to 32 letters or digits
     * @throws PagoEfectivoException    {@link Kind#REJECTED}, {@link Kind#UNAVAILABLE} or {@link Kind#CREDENTIALS}
     */
    public void updateExpiry(String cip, OffsetDateTime expiresAt) throws PagoEfectivoException {
        Objects.requireNonNull(expiresAt, "expiresAt");
        String path = CIPS + "/" + requireCip(cip);
        String body = WireBodies.expiry(expiresAt);
        calls.run(Call.repeatable("PATCH " + CIPS + "/{cip}", "PATCH", path, () -> body, response -> null), tokens);
    }

    private static String requireCip(String cip) {
        Objects.requireNonNull(cip, "cip");
        if (!CIP.matcher(cip).matches()) {
            throw new IllegalArgumentException("a CIP is 1 to 32 letters or digits");
        }
        return cip;
    }

    /** Reads a creation answer; anything short of a complete, consistent one leaves the outcome unknown. */
    private CreatedCip created(CipRequest request, Response response) throws CipOutcomeUnknownException {
        String what = "PagoEfectivo POST " + CIPS + ": HTTP " + response.status();
        JsonObject data = PeJson.object(response.body()).flatMap(answer -> PeJson.member(answer, "data"))
                .orElseThrow(() -> calls.outcomeUnknown(what + " without data; the CIP may exist"));
        String cip = PeJson.text(data, "cip").filter(text -> CIP.matcher(text).matches())
                .orElseThrow(() -> calls.outcomeUnknown(what + " without a readable cip; the CIP may exist"));
        URI cipUrl = PeJson.text(data, "cipUrl").flatMap(PagoEfectivoClient::webUrl)
                .orElseThrow(() -> calls.outcomeUnknown(what + " without a usable cipUrl; the CIP may exist"));
        Optional<String> transactionCode = PeJson.text(data, "transactionCode");
        Optional<BigDecimal> amount = PeJson.decimal(data, "amount");
        Optional<String> currency = PeJson.text(data, "currency");
        if (transactionCode.filter(code -> !code.equals(request.transactionCode())).isPresent()
                || amount.filter(value -> value.compareTo(request.amount()) != 0).isPresent()
                || currency.filter(value -> !value.equals(request.currency().name())).isPresent()) {
            throw calls.outcomeUnknown(what + " describes another transaction, amount or currency than requested");
        }
        return new CreatedCip(cip, cipUrl, request.transactionCode(),
                PeJson.text(data, "dateExpiry").flatMap(PeDates::parse));
    }

    private static Optional<URI> webUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && uri.getHost() != null && (scheme.equals("https") || scheme.equals("http"))
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private List<CipState> states(Set<String> asked, Response response) throws PagoEfectivoException {
        Optional<JsonObject> answer = PeJson.object(response.body());
        JsonValue data = answer.map(object -> object.get("data")).orElse(null);
        if (data instanceof JsonObject object && object.get("cips") != null) {
            data = object.get("cips");
        }
        List<JsonValue> entries;
        if (data != null && data.getValueType() == JsonValue.ValueType.ARRAY) {
            entries = data.asJsonArray();
        } else if (data != null && data.getValueType() == JsonValue.ValueType.OBJECT) {
            entries = List.of(data);
        } else {
            throw calls.fail(Level.WARNING, Kind.UNAVAILABLE, "PagoEfectivo POST " + SEARCH + ": HTTP "
                    + response.status() + " without readable data");
        }
        List<CipState> states = new ArrayList<>();
        for (JsonValue entry : entries) {
            if (entry.getValueType() == JsonValue.ValueType.OBJECT) {
                SearchAnswers.state(entry.asJsonObject()).filter(state -> asked.contains(state.cip()))
                        .ifPresent(states::add);
            }
        }
        return List.copyOf(states);
    }

    private static String base(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public String toString() {
        return "PagoEfectivoClient[" + baseUri + ", service " + serviceId + "]";
    }

    /**
     * Settings of a {@link PagoEfectivoClient}; not thread-safe, used once. Defaults: the JVM's trust, no client
     * certificate, connect timeout 5 s, request timeout 10 s, {@link RetryPolicy#defaults()}, the system clock,
     * real sleeping, {@link ThreadLocalRandom} jitter, and a redactor that knows the access and secret keys.
     */
    public static final class Builder {
        private final URI baseUri;
        private final long serviceId;
        private final Secret accessKey;
        private final Secret secretKey;
        private KeyStore trustStore;
        private KeyStore clientKeyStore;
        private char[] clientPassword;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private Redactor redactor;
        private boolean built;

        private Builder(URI baseUri, long serviceId, Secret accessKey, Secret secretKey) {
            this.baseUri = checkedBase(baseUri);
            if (serviceId <= 0) {
                throw new InvalidConfigurationException("PAGOEFECTIVO_SERVICE_ID must be a positive number");
            }
            this.serviceId = serviceId;
            this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
        }

        /** Certificates to trust instead of the JVM's (PKCS#12 trust store; how a sandbox certificate is trusted). */
        public Builder trustStore(KeyStore trustStore) {
            this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
            return this;
        }

        /** A client certificate for mutual TLS; the password is copied, and the copy cleared once used. */
        public Builder clientKeyStore(KeyStore keyStore, char[] password) {
            this.clientKeyStore = Objects.requireNonNull(keyStore, "keyStore");
            this.clientPassword = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = checkedTimeout(timeout, "connectTimeout");
            return this;
        }

        /** The longest wait for an answer to one attempt. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = checkedTimeout(timeout, "requestTimeout");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where "now" comes from: {@code dateRequest}, token expiry, {@code Retry-After} dates. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the client waits between attempts. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The random source of the jitter: values in [0, 1). */
        public Builder jitter(DoubleSupplier random) {
            this.jitter = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The redactor of every log line (the request's own masking of known members happens first). */
        public Builder redactor(Redactor redactor) {
            this.redactor = Objects.requireNonNull(redactor, "redactor");
            return this;
        }

        /**
         * @throws InvalidConfigurationException when a store cannot be used (naming the setting, never a value) or
         *                                       the JVM has host name verification switched off
         * @throws IllegalStateException         when called twice (the key store password copy is cleared by the
         *                                       first)
         */
        public PagoEfectivoClient build() {
            if (built) {
                throw new IllegalStateException("a builder builds one client");
            }
            built = true;
            return new PagoEfectivoClient(this);
        }

        private static URI checkedBase(URI uri) {
            Objects.requireNonNull(uri, "baseUri");
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new InvalidConfigurationException("PAGOEFECTIVO_BASE_URL must be an https URL with a host and"
                        + " no user information, query or fragment");
            }
            return uri;
        }

        private static Duration checkedTimeout(Duration timeout, String name) {
            Objects.requireNonNull(timeout, name);
            if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException(name + " must be positive and at most " + MAX_TIMEOUT);
            }
            return timeout;
        }
    }
}
