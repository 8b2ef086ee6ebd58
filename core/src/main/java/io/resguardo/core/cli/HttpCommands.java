package io.resguardo.core.cli;

import io.resguardo.core.ResguardoException;
import io.resguardo.core.digest.ContentDigest;
import io.resguardo.core.secret.Secret;
import io.resguardo.core.signature.HttpRequestView;
import io.resguardo.core.signature.KeyResolver;
import io.resguardo.core.signature.MessageSignatureVerifier;
import io.resguardo.core.signature.MessageSignatures;
import io.resguardo.core.signature.SignatureHeaders;
import io.resguardo.core.signature.SignatureInput;
import io.resguardo.core.signature.SignatureParameters;
import io.resguardo.core.signature.SignaturePolicy;
import io.resguardo.core.time.TimestampWindow;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code http-sign}, {@code http-verify}, {@code digest}: RFC 9421 message signatures and RFC 9530 Content-Digest as
 * the shop API expects them (CONTRACT.md section 4). Both signature commands print the signature base, so that a
 * developer can diff it line by line against the base their own code builds.
 */
final class HttpCommands {
    private static final String REQUEST_OPTIONS_HELP = """
              --method METHOD      request method (default GET, or POST when a body is given)
              --uri URL            the absolute URL the client calls, e.g. https://shop.example/api/v1/orders
              --header 'N: v'      a header field; repeat for several""";

    private HttpCommands() {
    }

    static List<Command> all() {
        return List.of(new Sign(new SecureRandom()), new Verify(), new Digest());
    }

    private static HttpRequestView request(Args args, Console console, byte[] body, List<String[]> extraHeaders)
            throws UsageException {
        URI uri;
        try {
            uri = new URI(args.required("uri"));
        } catch (URISyntaxException e) {
            throw new UsageException("--uri is not a valid URI: " + e.getReason());
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw new UsageException("--uri must be absolute, e.g. https://shop.example/api/v1/orders");
        }
        String method = args.optional("method").orElse(body.length > 0 ? "POST" : "GET");
        HttpRequestView.Builder builder = HttpRequestView.builder(method, uri);
        for (String[] h : headers(args)) {
            builder.header(h[0], h[1]);
        }
        for (String[] h : extraHeaders) {
            builder.header(h[0], h[1]);
        }
        return builder.body(body).build();
    }

    private static List<String[]> headers(Args args) throws UsageException {
        List<String[]> out = new ArrayList<>();
        for (String line : args.all("header")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("--header must look like 'Name: value', got: " + line);
            }
            out.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
        }
        return out;
    }

    private static boolean hasHeader(Args args, String name) throws UsageException {
        for (String[] h : headers(args)) {
            if (h[0].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static ContentDigest.Algorithm algorithm(String name) throws UsageException {
        for (ContentDigest.Algorithm a : ContentDigest.Algorithm.values()) {
            if (a.key().equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new UsageException("--algorithm must be sha-256 or sha-512");
    }

    static final class Sign implements Command {
        private final SecureRandom random;

        Sign(SecureRandom random) {
            this.random = random;
        }

        @Override
        public String name() {
            return "http-sign";
        }

        @Override
        public String summary() {
            return "sign a shop API request (RFC 9421 hmac-sha256 + Content-Digest)";
        }

        @Override
        public String help() {
            return """
                    usage: http-sign --key-id ID (--secret-env NAME | --secret-file PATH) --uri URL [--method M]
                                     [--header 'N: v']... [--body-file PATH | --body TEXT]
                                     [--components LIST] [--created UNIX_SECONDS] [--nonce TEXT] [--label sig1]
                                     [--algorithm sha-256|sha-512] [--curl]
                    Prints Content-Digest (when there is a body), Signature-Input and Signature, then the signature
                    base. The secret is the base64 key of RESGUARDO_API_KEYS (keyid=base64secret).
                    Defaults follow CONTRACT.md section 4: components "@method" "@target-uri", plus "content-digest"
                    and "content-type" with a body; created is now; nonce is 16 random bytes in hex.
                    With a body and no Content-Type header, "Content-Type: application/json" is added.
                    --curl also prints a ready-to-paste curl command.
                    """ + REQUEST_OPTIONS_HELP + "\n" + Inputs.SECRET_OPTIONS_HELP + "\n"
                    + Inputs.BODY_OPTIONS_HELP + "\n";
        }

        @Override
        public Set<String> options() {
            return Set.of("key-id", "secret-env", "secret-file", "uri", "method", "header", "body-file", "body",
                    "components", "created", "nonce", "label", "algorithm");
        }

        @Override
        public Set<String> flags() {
            return Set.of("curl");
        }

        @Override
        public int run(Args args, Console console) throws UsageException {
            String keyId = args.required("key-id");
            Secret key = Inputs.secretBase64(args, console);
            byte[] body = Inputs.body(args, console);
            List<String[]> extra = new ArrayList<>();
            if (body.length > 0) {
                ContentDigest.Algorithm alg = algorithm(args.optional("algorithm").orElse("sha-256"));
                if (!hasHeader(args, "content-digest")) {
                    extra.add(new String[] {"Content-Digest", ContentDigest.create(body, alg)});
                }
                if (!hasHeader(args, "content-type")) {
                    extra.add(new String[] {"Content-Type", "application/json"});
                }
            }
            HttpRequestView request = request(args, console, body, extra);
            List<String> components = args.optional("components")
                    .map(c -> List.of(c.replace("\"", "").trim().split("[\\s,]+")))
                    .orElse(body.length > 0
                            ? List.of("@method", "@target-uri", "content-digest", "content-type")
                            : List.of("@method", "@target-uri"));
            long created = args.optionalLong("created").orElseGet(() -> console.clock().instant().getEpochSecond());
            String nonce = args.optional("nonce").orElseGet(() -> {
                byte[] n = new byte[16];
                random.nextBytes(n);
                return HexFormat.of().formatHex(n);
            });
            SignatureParameters parameters;
            SignatureHeaders headers;
            String base;
            try {
                parameters = SignatureParameters.builder(args.optional("label").orElse("sig1"))
                        .components(components).created(created).nonce(nonce).keyId(keyId).build();
                headers = MessageSignatures.sign(request, parameters, key);
                base = MessageSignatures.signatureBase(request, SignatureInput.of(parameters));
            } catch (IllegalArgumentException | ResguardoException e) {
                throw new UsageException("cannot sign: " + e.getMessage());
            }
            for (String[] h : extra) {
                console.out().println(h[0] + ": " + h[1]);
            }
            console.out().println("Signature-Input: " + headers.signatureInput());
            console.out().println("Signature: " + headers.signature());
            console.out().println();
            console.out().println("signature base:");
            console.out().println(base);
            if (args.flag("curl")) {
                console.out().println();
                console.out().println(curl(request, args, extra, headers, body));
            }
            return MATCH;
        }

        private static String curl(HttpRequestView request, Args args, List<String[]> extra, SignatureHeaders headers,
                                   byte[] body) throws UsageException {
            StringBuilder out = new StringBuilder("curl --fail-with-body -sS -X ").append(request.method());
            List<String[]> all = new ArrayList<>(headers(args));
            all.addAll(extra);
            all.add(new String[] {"Signature-Input", headers.signatureInput()});
            all.add(new String[] {"Signature", headers.signature()});
            for (String[] h : all) {
                out.append(" \\\n  -H ").append(quote(h[0] + ": " + h[1]));
            }
            if (body.length > 0) {
                out.append(" \\\n  --data-binary ").append(quote(new String(body, StandardCharsets.UTF_8)));
            }
            return out.append(" \\\n  ").append(quote(args.required("uri"))).toString();
        }

        /** POSIX shell single quotes: the only character needing care inside them is the quote itself. */
        private static String quote(String s) {
            return "'" + s.replace("'", "'\"'\"'") + "'";
        }
    }

    static final class Verify implements Command {
        @Override
        public String name() {
            return "http-verify";
        }

        @Override
        public String summary() {
            return "verify a signed request; prints the signature base";
        }

        @Override
        public String help() {
            return """
                    usage: http-verify (--secret-env NAME | --secret-file PATH) --uri URL [--method M]
                                       --header 'Signature-Input: ...' --header 'Signature: ...' [--header 'N: v']...
                                       [--body-file PATH | --body TEXT] [--key-id ID] [--policy shop|rfc9421]
                                       [--now UNIX_SECONDS] [--tolerance-seconds N]
                    Prints the signature base of every signature in Signature-Input, then match or no match with
                    the error code Resguardo would answer (exit 0 or 1). The secret is base64.
                    --policy shop (default) applies CONTRACT.md section 4 (required components, created, nonce);
                    --policy rfc9421 checks the signature alone. --key-id restricts which keyid the secret answers
                    for (default: any). --now defaults to this clock; the tolerance to 300 s.
                    """ + REQUEST_OPTIONS_HELP + "\n" + Inputs.SECRET_OPTIONS_HELP + "\n"
                    + Inputs.BODY_OPTIONS_HELP + "\n";
        }

        @Override
        public Set<String> options() {
            return Set.of("secret-env", "secret-file", "uri", "method", "header", "body-file", "body", "key-id",
                    "policy", "now", "tolerance-seconds");
        }

        @Override
        public int run(Args args, Console console) throws UsageException {
            Secret key = Inputs.secretBase64(args, console);
            byte[] body = Inputs.body(args, console);
            HttpRequestView request = request(args, console, body, List.of());
            SignaturePolicy policy = switch (args.optional("policy").orElse("shop")) {
                case "shop" -> SignaturePolicy.shopApi();
                case "rfc9421" -> SignaturePolicy.rfc9421();
                default -> throw new UsageException("--policy must be shop or rfc9421");
            };
            Clock clock = Inputs.clock(args, console);
            long tolerance = args.optionalLong("tolerance-seconds")
                    .orElse(TimestampWindow.DEFAULT_TOLERANCE.toSeconds());
            if (tolerance <= 0) {
                throw new UsageException("--tolerance-seconds must be positive");
            }
            var onlyKeyId = args.optional("key-id");
            KeyResolver keys = id -> onlyKeyId.isEmpty() || onlyKeyId.get().equals(id) ? List.of(key) : List.of();
            printBases(request, console);
            // A one-shot CLI run has nothing to replay against: every nonce is new to it.
            MessageSignatureVerifier verifier = new MessageSignatureVerifier(policy, keys,
                    new TimestampWindow(clock, Duration.ofSeconds(tolerance)), (keyId, nonce, expiresAt) -> { });
            try {
                var verified = verifier.verify(request);
                console.out().println("match (label " + verified.label() + ", keyid " + verified.keyId() + ")");
                return MATCH;
            } catch (ResguardoException e) {
                console.out().println("no match (" + e.code() + ": " + e.getMessage() + ")");
                return MISMATCH;
            }
        }

        private static void printBases(HttpRequestView request, Console console) {
            List<String> inputs = request.headerValues("signature-input");
            if (inputs.isEmpty()) {
                console.out().println("(no Signature-Input header given)");
                return;
            }
            try {
                for (Map.Entry<String, SignatureInput> e
                        : MessageSignatures.parseSignatureInput(String.join(", ", inputs)).entrySet()) {
                    console.out().println("signature base for " + e.getKey() + ":");
                    console.out().println(MessageSignatures.signatureBase(request, e.getValue()));
                    console.out().println();
                }
            } catch (ResguardoException e) {
                console.out().println("(cannot build the signature base: " + e.code() + ": " + e.getMessage() + ")");
            }
        }
    }

    static final class Digest implements Command {
        @Override
        public String name() {
            return "digest";
        }

        @Override
        public String summary() {
            return "compute or check an RFC 9530 Content-Digest";
        }

        @Override
        public String help() {
            return """
                    usage: digest [--algorithm sha-256|sha-512] (--body-file PATH | --body TEXT) [--verify VALUE]
                    Prints the Content-Digest field value of the exact body bytes. With --verify, checks a received
                    Content-Digest value against the body and prints match or no match (exit 0 or 1).
                    """ + Inputs.BODY_OPTIONS_HELP + "\n";
        }

        @Override
        public Set<String> options() {
            return Set.of("algorithm", "body-file", "body", "verify");
        }

        @Override
        public int run(Args args, Console console) throws UsageException {
            byte[] body = Inputs.body(args, console);
            ContentDigest.Algorithm alg = algorithm(args.optional("algorithm").orElse("sha-256"));
            console.out().println("Content-Digest: " + ContentDigest.create(body, alg));
            var expected = args.optional("verify");
            if (expected.isEmpty()) {
                return MATCH;
            }
            try {
                ContentDigest.verify(expected.get(), body);
                console.out().println("match");
                return MATCH;
            } catch (ResguardoException e) {
                console.out().println("no match (" + e.code() + ": " + e.getMessage() + ")");
                return MISMATCH;
            }
        }
    }
}
