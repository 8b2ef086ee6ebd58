package io.resguardo.web.sandbox;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.ResguardoException;
import io.resguardo.core.redact.Redactor;
import io.resguardo.core.secret.KeyRing;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.validation.FieldError;
import io.resguardo.core.validation.FieldErrorCode;
import io.resguardo.core.validation.ValidationException;
import io.resguardo.web.http.Bodies;
import io.resguardo.web.http.JsonAnswers;
import io.resguardo.web.http.Problems;
import io.resguardo.web.http.StrictJson;
import io.resguardo.web.log.SafeLog;
import io.resguardo.web.pagoefectivo.CipState;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulator of PagoEfectivo's API v1 (CONTRACT section 2) for sandbox deployments, mapped to {@code /sandbox/*}:
 * authorizations, CIP creation, search, new expiry and deletion as the real service answers them, plus
 * {@code POST /cips/{cip}/pay|expire|delete} that change a CIP and send the signed notification to the webhook, and
 * switchable faults under {@code /faults}. The package documentation lists every path, answer and code.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Credentials are checked as PagoEfectivo checks them (service id, access key, {@code hashString} with the
 *       current secret key, {@code dateRequest} within 5 minutes), in constant time, and never echoed or logged.</li>
 *   <li>All state (tokens, CIPs, deliveries, faults) lives in memory: a restart forgets it. Never install this in
 *       production.</li>
 *   <li>Notifications are sent on the given scheduler, never on a request thread, over TLS 1.2/1.3 with host-name
 *       verification against the given trust store (or the JVM's); the caller owns the scheduler and shuts it down,
 *       which abandons pending retries.</li>
 *   <li>Request bodies are read once, at most {@value #MAX_BODY_BYTES} bytes, and parsed strictly
 *       ({@link StrictJson}).</li>
 * </ul>
 * Thread-safe: one instance serves all requests.
 */
public final class SandboxServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final int MAX_BODY_BYTES = 65_536;
    static final int MAX_SEARCH = 100;
    private static final String OK_MESSAGE = "Solicitud exitosa.";
    private static final Pattern API_CIP = Pattern.compile("/v1/cips/([^/]+)");
    private static final Pattern PAGE = Pattern.compile("/cips/([0-9]{1,18})");
    private static final Pattern ACTION = Pattern.compile("/cips/([0-9]{1,18})/(pay|expire|delete)");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final transient Authorizations authorizations;
    private final transient Cips cips = new Cips();
    private final transient Faults faults = new Faults();
    private final transient Notifier notifier;
    private final transient StrictJson json = new StrictJson();
    private final transient Clock clock;
    private final transient SandboxOptions options;
    private final transient SafeLog log = new SafeLog("io.resguardo.sandbox", Redactor.standard());
    private final String cipUrlPrefix;

    /** As the full constructor, with {@link SandboxOptions#defaults()}. */
    public SandboxServlet(long serviceId, Secret accessKey, KeyRing secretKey, URI webhookUrl,
                          KeyStore webhookTrustStore, Clock clock, ScheduledExecutorService scheduler,
                          URI publicBase) {
        this(serviceId, accessKey, secretKey, webhookUrl, webhookTrustStore, clock, scheduler, publicBase,
                SandboxOptions.defaults());
    }

    /**
     * @param serviceId         the {@code idService} the sandbox accepts (positive)
     * @param accessKey         the access key it accepts
     * @param secretKey         the key ring whose current key checks {@code hashString} and signs notifications
     * @param webhookUrl        where notifications go, e.g. {@code https://localhost:8443/webhooks/pagoefectivo}
     * @param webhookTrustStore trust anchors for that URL (a self-signed local certificate), or {@code null} for
     *                          the JVM's
     * @param clock             wall time: token lifetimes, {@code dateRequest} window, expiry, payment dates
     * @param scheduler         runs notification attempts and retries; owned and shut down by the caller
     * @param publicBase        where this servlet is reached from outside, e.g.
     *                          {@code https://localhost:8443/sandbox}; {@code cipUrl} is {@code publicBase/cips/{cip}}
     * @param options           amount limit and delivery retries
     * @throws IllegalArgumentException     for a non-positive service id or a base URI that is not absolute http(s)
     * @throws io.resguardo.core.InvalidConfigurationException when the webhook URL or trust store is unusable
     */
    public SandboxServlet(long serviceId, Secret accessKey, KeyRing secretKey, URI webhookUrl,
                          KeyStore webhookTrustStore, Clock clock, ScheduledExecutorService scheduler,
                          URI publicBase, SandboxOptions options) {
        this(serviceId, accessKey, secretKey,
                SandboxWebhook.http(Objects.requireNonNull(webhookUrl, "webhookUrl"), webhookTrustStore,
                        options.deliveryTimeout()),
                clock, scheduler, Objects.requireNonNull(publicBase, "publicBase"), options);
    }

    /**
     * A sandbox whose {@code cipUrl}s are built from the URL each request reached it at.
     *
     * @param webhook where its signed notifications go
     */
    public SandboxServlet(long serviceId, Secret accessKey, KeyRing secretKey, SandboxWebhook webhook, Clock clock,
                          ScheduledExecutorService scheduler, SandboxOptions options) {
        this(serviceId, accessKey, secretKey, webhook, clock, scheduler, null, options);
    }

    private SandboxServlet(long serviceId, Secret accessKey, KeyRing secretKey, SandboxWebhook webhook, Clock clock,
                           ScheduledExecutorService scheduler, URI publicBase, SandboxOptions options) {
        if (serviceId <= 0) {
            throw new IllegalArgumentException("serviceId must be positive");
        }
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        if (publicBase != null && (!publicBase.isAbsolute()
                || !List.of("http", "https").contains(publicBase.getScheme().toLowerCase(Locale.ROOT)))) {
            throw new IllegalArgumentException("publicBase must be an absolute http(s) URI");
        }
        this.cipUrlPrefix = publicBase == null ? null : prefix(publicBase.toString());
        this.authorizations = new Authorizations(serviceId, accessKey, secretKey, clock);
        this.notifier = new Notifier(webhook, secretKey, scheduler, options, log);
    }

    private static String prefix(String base) {
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/cips/";
    }

    /** Where CIP pages are: the fixed public base, or the sandbox's URL as this request reached it. */
    private String cipUrlPrefix(HttpServletRequest request) {
        if (cipUrlPrefix != null) {
            return cipUrlPrefix;
        }
        String url = request.getRequestURL().toString();
        String pathInfo = request.getPathInfo();
        return prefix(pathInfo != null && url.endsWith(pathInfo) ? url.substring(0, url.length() - pathInfo.length())
                : url);
    }

    /** A CIP issued by {@link #issueLocally}. */
    public record LocalCip(String cip, URI cipUrl) {
    }

    /**
     * Issues a CIP without the HTTP round trip, for a sandbox deployment whose shop API uses this simulator
     * in-process. The faults apply as they would over HTTP: latency, {@code failCreates}, and
     * {@code timeoutAfterCreate} (the CIP is stored, the caller learns nothing, as after a timeout).
     *
     * @param sandboxBase where this servlet is reached ({@code https://host/context/sandbox}), for the cipUrl
     * @throws ValidationException naming {@code amount} when it is over the sandbox's maximum (PagoEfectivo's 511)
     * @throws ResguardoException {@code UPSTREAM_UNAVAILABLE} under a fault or for a reused transaction code
     */
    public LocalCip issueLocally(String transactionCode, String currency, BigDecimal amount,
                                 Instant expiresAt, URI sandboxBase) throws ResguardoException {
        FaultSettings now = faults.current();
        pause(now.latencyMs());
        if (faults.takeCreateFailure()) {
            throw new ResguardoException(ErrorCode.UPSTREAM_UNAVAILABLE, "the sandbox failed the creation (fault)");
        }
        if (amount.compareTo(options.maxAmount()) > 0) {
            // PagoEfectivo's 511, as the HTTP client maps it: the field is named, the shop can fix it.
            throw new ValidationException(new FieldError("amount", FieldErrorCode.OUT_OF_RANGE,
                    "over the merchant's maximum per CIP (" + options.maxAmount().toPlainString() + ")"));
        }
        Cip cip;
        try {
            cip = cips.create(new NewCip(currency, amount.setScale(2, RoundingMode.UNNECESSARY),
                    transactionCode, expiresAt), clock.instant());
        } catch (PeRefusal refusal) {
            throw new ResguardoException(ErrorCode.UPSTREAM_UNAVAILABLE, "the sandbox refused the CIP (code "
                    + refusal.code() + ")");
        }
        if (now.timeoutAfterCreate()) {
            pause(now.stallMs());
            throw new ResguardoException(ErrorCode.UPSTREAM_UNAVAILABLE, "no answer from the sandbox (fault)");
        }
        return new LocalCip(cip.number(), URI.create(prefix(sandboxBase.toString()) + cip.number()));
    }

    /** The states of {@code numbers} as {@code POST /v1/cips/search} reports them; unknown CIPs are left out. */
    public List<CipState> searchLocally(List<String> numbers) {
        Instant at = clock.instant();
        List<CipState> states = new ArrayList<>();
        for (String number : numbers) {
            cips.find(number).ifPresent(cip -> states.add(CipView.asState(cip, at)));
        }
        return states;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String method = request.getMethod();
        Matcher matcher;
        switch (path) {
            case "/v1/authorizations" -> {
                if (allowed(request, response, "POST")) {
                    api(request, response, this::authorize);
                }
            }
            case "/v1/cips" -> {
                if (allowed(request, response, "POST")) {
                    api(request, response, this::create);
                }
            }
            case "/v1/cips/search" -> {
                if (allowed(request, response, "POST")) {
                    api(request, response, this::search);
                }
            }
            case "/cips" -> {
                if (allowed(request, response, "GET")) {
                    byTransactionCode(request, response);
                }
            }
            case "/faults" -> {
                if (allowed(request, response, "GET", "PUT", "POST", "DELETE")) {
                    faults(request, response);
                }
            }
            default -> {
                if ((matcher = API_CIP.matcher(path)).matches()) {
                    if (allowed(request, response, "PATCH", "DELETE")) {
                        String cip = matcher.group(1);
                        api(request, response, method.equals("PATCH")
                                ? (req, faultsNow) -> reschedule(req, cip) : (req, faultsNow) -> remove(req, cip));
                    }
                } else if ((matcher = PAGE.matcher(path)).matches()) {
                    if (allowed(request, response, "GET")) {
                        page(request, response, matcher.group(1));
                    }
                } else if ((matcher = ACTION.matcher(path)).matches()) {
                    if (allowed(request, response, "POST")) {
                        act(request, response, matcher.group(1), matcher.group(2));
                    }
                } else {
                    Problems.write(request, response, ErrorCode.NOT_FOUND, "the sandbox has nothing here");
                }
            }
        }
    }

    /** A PagoEfectivo answer: status and body. */
    private record Answer(int status, JsonObject body) {
    }

    @FunctionalInterface
    private interface ApiCall {
        Answer handle(HttpServletRequest request, FaultSettings faults) throws PeRefusal, IOException;
    }

    private void api(HttpServletRequest request, HttpServletResponse response, ApiCall call) throws IOException {
        FaultSettings now = faults.current();
        pause(now.latencyMs());
        Answer answer;
        try {
            answer = call.handle(request, now);
        } catch (PeRefusal refusal) {
            log.fine("sandbox refused " + request.getMethod() + " " + request.getPathInfo() + ": HTTP "
                    + refusal.status() + " code " + refusal.code());
            answer = new Answer(refusal.status(), refusal.body());
        }
        response.setHeader("Cache-Control", "no-store");
        JsonAnswers.write(response, answer.status(), answer.body());
    }

    private Answer authorize(HttpServletRequest request, FaultSettings now) throws PeRefusal, IOException {
        JsonObject data = authorizations.authorize(apiBody(request));
        return new Answer(201, success().add("data", data).build());
    }

    private Answer create(HttpServletRequest request, FaultSettings now) throws PeRefusal, IOException {
        authorizations.requireToken(request.getHeader("Authorization"));
        if (faults.takeCreateFailure()) {
            throw new PeRefusal(500, PeRefusal.INTERNAL_ERROR, "Error interno del servicio.", List.of());
        }
        NewCip requested = CipRequestReader.read(apiBody(request), clock.instant());
        if (requested.amount().compareTo(options.maxAmount()) > 0) {
            throw new PeRefusal(400, PeRefusal.AMOUNT_OVER_MAXIMUM, "El monto supera el máximo del comercio.",
                    List.of(new PeError(PeRefusal.AMOUNT_OVER_MAXIMUM,
                            "El monto supera el máximo permitido para el servicio.", "amount")));
        }
        Cip cip = cips.create(requested, clock.instant());
        log.fine("sandbox CIP " + cip.number() + " created");
        if (now.timeoutAfterCreate()) {
            pause(now.stallMs());
        }
        return new Answer(201, Json.createObjectBuilder()
                .add("code", Integer.parseInt(PeRefusal.SUCCESS))
                .add("message", OK_MESSAGE)
                .add("data", Json.createObjectBuilder()
                        .add("cip", Long.parseLong(cip.number()))
                        .add("currency", cip.currency())
                        .add("amount", cip.amount())
                        .add("transactionCode", cip.transactionCode())
                        .add("dateExpiry", Authorizations.lima(cip.dateExpiry()))
                        .add("cipUrl", cipUrlPrefix(request) + cip.number()))
                .build());
    }

    private Answer search(HttpServletRequest request, FaultSettings now) throws PeRefusal, IOException {
        authorizations.requireToken(request.getHeader("Authorization"));
        List<String> numbers = searchedCips(apiBody(request));
        Instant at = clock.instant();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (String number : numbers) {
            data.add(cips.find(number).map(cip -> CipView.state(cip, at).build())
                    .orElseGet(() -> Json.createObjectBuilder().add("cip", Long.parseLong(number))
                            .add("status", "not_found").build()));
        }
        return new Answer(200, success().add("data", data).build());
    }

    private static List<String> searchedCips(JsonObject body) throws PeRefusal {
        JsonValue value = body.get("cips");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL
                || value.getValueType() == JsonValue.ValueType.ARRAY && ((JsonArray) value).isEmpty()) {
            throw PeRefusal.fields(List.of(PeError.missing("cips")));
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || ((JsonArray) value).size() > MAX_SEARCH) {
            throw PeRefusal.fields(List.of(PeError.invalid("cips", "debe ser una lista de 1 a " + MAX_SEARCH
                    + " CIPs")));
        }
        List<String> numbers = new ArrayList<>();
        List<PeError> errors = new ArrayList<>();
        JsonArray array = (JsonArray) value;
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            String text = item instanceof JsonString s ? s.getString()
                    : item instanceof JsonNumber n && n.isIntegral() ? n.bigDecimalValue().toPlainString() : "";
            if (DIGITS.matcher(text).matches()) {
                numbers.add(Long.toString(Long.parseLong(text)));
            } else {
                errors.add(PeError.invalid("cips[" + i + "]", "debe ser un CIP numérico"));
            }
        }
        if (!errors.isEmpty()) {
            throw PeRefusal.fields(errors);
        }
        return numbers;
    }

    private Answer reschedule(HttpServletRequest request, String number) throws PeRefusal, IOException {
        authorizations.requireToken(request.getHeader("Authorization"));
        if (!DIGITS.matcher(number).matches()) {
            throw PeRefusal.unknownCip();
        }
        PeFieldReader fields = new PeFieldReader(apiBody(request));
        Instant expiry = fields.requiredDate("dateExpiry");
        Instant now = clock.instant();
        if (expiry != null && !expiry.isAfter(now)) {
            fields.invalid("dateExpiry", "debe ser una fecha futura");
        }
        fields.throwIfAny();
        Cips.Change change = cips.change(number, cip -> cip.status() == CipStatus.PENDING,
                cip -> cip.withExpiry(expiry));
        return changed(change, now);
    }

    private Answer remove(HttpServletRequest request, String number) throws PeRefusal {
        authorizations.requireToken(request.getHeader("Authorization"));
        if (!DIGITS.matcher(number).matches()) {
            throw PeRefusal.unknownCip();
        }
        Instant now = clock.instant();
        Cips.Change change = cips.change(number, Cip::unpaid, cip -> cip.withStatus(CipStatus.DELETED, now));
        return changed(change, now);
    }

    private static Answer changed(Cips.Change change, Instant now) throws PeRefusal {
        Cip cip = change.cip().orElseThrow(PeRefusal::unknownCip);
        if (!change.applied()) {
            throw PeRefusal.wrongState(cip.statusAt(now));
        }
        return new Answer(200, success().add("data", CipView.state(cip, now)).build());
    }

    private void act(HttpServletRequest request, HttpServletResponse response, String number, String action)
            throws IOException {
        if (!emptyBody(request, response)) {
            return;
        }
        Instant now = clock.instant();
        String operation = notifier.nextOperationNumber();
        Cips.Change change = switch (action) {
            case "pay" -> cips.change(number, cip -> cip.statusAt(now) == CipStatus.PENDING,
                    cip -> cip.paid(operation, now));
            case "expire" -> cips.change(number, cip -> cip.status() == CipStatus.PENDING,
                    cip -> cip.withStatus(CipStatus.EXPIRED, now));
            default -> cips.change(number, Cip::unpaid, cip -> cip.withStatus(CipStatus.DELETED, now));
        };
        if (change.cip().isEmpty()) {
            Problems.write(request, response, ErrorCode.NOT_FOUND, "the sandbox has no such CIP");
            return;
        }
        Cip cip = change.cip().get();
        if (!change.applied()) {
            Problems.write(request, response, ErrorCode.INVALID_TRANSITION, "the CIP is "
                    + cip.statusAt(now).wireName() + "; " + action + " needs " + (action.equals("pay")
                    ? "a pending CIP that has not expired" : action.equals("expire") ? "a pending CIP"
                    : "an unpaid CIP that is not deleted"));
            return;
        }
        String eventType = switch (action) {
            case "pay" -> "cip.paid";
            case "expire" -> "cip.expired";
            default -> "cip.deleted";
        };
        notifier.notify(eventType, operation, cip, now, faults.current());
        response.setHeader("Cache-Control", "no-store");
        JsonAnswers.write(response, HttpServletResponse.SC_ACCEPTED, Json.createObjectBuilder()
                .add("status", "scheduled")
                .add("cip", cip.number())
                .add("eventType", eventType)
                .add("operationNumber", operation)
                .build());
    }

    private void page(HttpServletRequest request, HttpServletResponse response, String number) throws IOException {
        Cip cip = cips.find(number).orElse(null);
        if (cip == null) {
            Problems.write(request, response, ErrorCode.NOT_FOUND, "the sandbox has no such CIP");
            return;
        }
        JsonObject page = CipView.page(cip, clock.instant(), notifier.deliveries(number));
        response.setHeader("Cache-Control", "no-store");
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("text/html")) {
            JsonAnswers.write(response, HttpServletResponse.SC_OK, page);
            return;
        }
        byte[] html = CipView.html(page).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", "default-src 'none'");
        response.setContentLength(html.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(html);
        }
    }

    /**
     * {@code GET /cips?transactionCode=...}: how many creation requests named that transaction code and the CIPs
     * issued for it, so a test can show that a creation was not repeated.
     */
    private void byTransactionCode(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] codes = request.getParameterValues("transactionCode");
        if (codes == null || codes.length != 1 || codes[0].isEmpty() || codes[0].length() > 36) {
            Problems.write(request, response, ErrorCode.BAD_REQUEST, "give transactionCode once, 1 to 36 characters");
            return;
        }
        Cips.ByTransactionCode found = cips.byTransactionCode(codes[0]);
        Instant now = clock.instant();
        JsonArrayBuilder issued = Json.createArrayBuilder();
        found.cips().forEach(cip -> issued.add(CipView.state(cip, now)));
        response.setHeader("Cache-Control", "no-store");
        JsonAnswers.write(response, HttpServletResponse.SC_OK, Json.createObjectBuilder()
                .add("transactionCode", codes[0])
                .add("creationRequests", found.creationRequests())
                .add("cips", issued)
                .build());
    }

    private void faults(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FaultSettings settings;
        switch (request.getMethod()) {
            case "GET" -> settings = faults.current();
            case "DELETE" -> {
                settings = faults.reset();
                log.info("sandbox faults reset");
            }
            default -> {
                JsonObject update = problemBody(request, response);
                if (update == null) {
                    return;
                }
                try {
                    settings = faults.update(update);
                } catch (ValidationException e) {
                    Problems.writeValidation(request, response, e.errors());
                    return;
                }
                log.info("sandbox faults now " + settings.toJson());
            }
        }
        response.setHeader("Cache-Control", "no-store");
        JsonAnswers.write(response, HttpServletResponse.SC_OK, settings.toJson());
    }

    /** The body of a {@code /v1} call as a JSON object. */
    private JsonObject apiBody(HttpServletRequest request) throws PeRefusal, IOException {
        try {
            return json.object(Bodies.read(request, MAX_BODY_BYTES));
        } catch (ResguardoException e) {
            throw PeRefusal.invalidRequest();
        }
    }

    /** The body of a sandbox-own call as a JSON object, or {@code null} after answering the problem. */
    private JsonObject problemBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            return json.object(Bodies.read(request, MAX_BODY_BYTES));
        } catch (ResguardoException e) {
            Problems.write(request, response, e.code(), e.code() == ErrorCode.BODY_TOO_LARGE
                    ? "the body is larger than " + MAX_BODY_BYTES + " bytes" : "the body must be a JSON object");
            return null;
        }
    }

    /** Whether the body is empty or {@code {}}; otherwise answers {@code 400} and says no. */
    private boolean emptyBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try {
            body = Bodies.read(request, MAX_BODY_BYTES);
        } catch (ResguardoException e) {
            Problems.write(request, response, e.code(), "the body must be empty or {}");
            return false;
        }
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return true;
        }
        try {
            if (json.object(body).isEmpty()) {
                return true;
            }
        } catch (ResguardoException e) {
            Problems.write(request, response, e.code(), "the body must be empty or {}");
            return false;
        }
        Problems.write(request, response, ErrorCode.BAD_REQUEST, "the body must be empty or {}");
        return false;
    }

    private static boolean allowed(HttpServletRequest request, HttpServletResponse response, String... methods)
            throws IOException {
        for (String method : methods) {
            if (method.equals(request.getMethod())) {
                return true;
            }
        }
        String allow = String.join(", ", methods);
        response.setHeader("Allow", allow);
        Problems.write(request, response, ErrorCode.METHOD_NOT_ALLOWED, "allowed here: " + allow);
        return false;
    }

    private static JsonObjectBuilder success() {
        return Json.createObjectBuilder().add("code", PeRefusal.SUCCESS).add("message", OK_MESSAGE);
    }

    /** The configured latency or stall: a real wait on the request thread, as a slow service makes the client wait. */
    private static void pause(int millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
