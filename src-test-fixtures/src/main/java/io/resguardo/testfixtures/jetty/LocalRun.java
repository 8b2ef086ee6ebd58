package io.resguardo.testfixtures.jetty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

/**
 * The README's first command: runs the packaged WAR in embedded Jetty 12 as a developer's sandbox. HTTPS on 8443
 * with a self-signed certificate made at start, plain HTTP on 8080 (which answers {@code 403 HTTPS_REQUIRED}), H2
 * under {@code RESGUARDO_HOME}, {@code RESGUARDO_ENV=sandbox}, the PagoEfectivo client pointed at the WAR's own
 * {@code /sandbox} over HTTPS (trusting that certificate), and an admin user with a password generated for this run.
 * It prints the URLs, the admin credentials and ready-to-paste commands, and stops cleanly on Ctrl-C.
 *
 * <p>Everything is passed as servlet context init-params, the third source of CONTRACT section 7: a
 * {@code RESGUARDO_*} or {@code PAGOEFECTIVO_*} environment variable still wins. Ports: system properties
 * {@code resguardo.local.httpPort} and {@code resguardo.local.httpsPort}.
 *
 * <p>Development only: it lives in the test fixtures and is never part of the WAR.
 */
public final class LocalRun {
    private static final String KEY_ID = "local";

    private LocalRun() {
    }

    /** @param args the WAR file */
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: LocalRun <path to resguardo.war> (build it first: mvn -B package -DskipTests)");
            System.exit(2);
        }
        Path war = Path.of(args[0]);
        int httpPort = Integer.getInteger("resguardo.local.httpPort", 8080);
        int httpsPort = Integer.getInteger("resguardo.local.httpsPort", 8443);
        Path home = home();
        Path local = Files.createDirectories(home.resolve("local"));
        // A new certificate for every run: keytool will not add to an earlier run's keystore (its password was random).
        Path tls = local.resolve("tls");
        EmbeddedJetty.deleteRecursively(tls);
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(tls);
        Path truststore = certificate.truststore(tls);
        Path pem = writePem(local.resolve("localhost.pem"), certificate);
        Path apiKey = apiKey(local.resolve("api-key"));
        Path order = writeOrder(local.resolve("order.json"));
        String adminPassword = randomText(18);
        String base = "https://localhost:" + httpsPort;

        EmbeddedJetty jetty = EmbeddedJetty.war(war)
                .ports(httpPort, httpsPort)
                .certificate(certificate)
                .requestLog(false)
                .user("admin", adminPassword, "resguardo-admin")
                .initParameter("resguardo.env", "sandbox")
                .initParameter("resguardo.home", home.toString())
                .initParameter("resguardo.api.keys", KEY_ID + "=" + Files.readString(apiKey).strip())
                .initParameter("pagoefectivo.base.url", base + "/sandbox")
                .initParameter("pagoefectivo.truststore", truststore.toString())
                .initParameter("pagoefectivo.truststore.password", new String(certificate.password()))
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            jetty.close();
            stopped.countDown();
        }, "resguardo-local-stop"));

        String cli = "java -jar core/target/resguardo-core-0.1.0-SNAPSHOT.jar";
        String sign = cli + " http-sign --key-id " + KEY_ID + " --secret-file " + apiKey + " --curl";
        String run = " | sed -n '/^curl /,$p' | CURL_CA_BUNDLE=" + pem + " sh";
        System.out.println();
        System.out.println("Resguardo is running (sandbox). Ctrl-C stops it.");
        System.out.println("  HTTPS        " + base + "/   (self-signed; trust " + pem + ")");
        System.out.println("  plain HTTP   http://127.0.0.1:" + httpPort + "/   (answers 403 HTTPS_REQUIRED)");
        System.out.println("  health       " + base + "/health");
        System.out.println("  admin        " + base + "/admin/   user admin, password " + adminPassword);
        System.out.println("  data         " + home);
        System.out.println();
        System.out.println("Create a signed order (from the repository root):");
        System.out.println("  " + sign + " --uri " + base + "/api/v1/orders --body-file " + order + run);
        System.out.println("Pay its CIP in the sandbox (put the cip of the answer in place of CIP):");
        System.out.println("  curl --cacert " + pem + " -X POST -H 'Content-Type: application/json' -d '{}' "
                + base + "/sandbox/cips/CIP/pay");
        System.out.println("Read the order again (now PAID):");
        System.out.println("  " + sign + " --uri " + base + "/api/v1/orders/" + transactionCode() + run);
        System.out.println("Shop callbacks go to RESGUARDO_SHOP_WEBHOOK_URL when you set it (with"
                + " RESGUARDO_SHOP_WEBHOOK_SECRET); until then they wait in the outbox.");
        System.out.println();
        stopped.await();
    }

    private static Path home() {
        String configured = System.getProperty("resguardo.home", System.getenv("RESGUARDO_HOME"));
        return configured != null && !configured.isBlank() ? Path.of(configured).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".resguardo");
    }

    /** The shop API key of this machine's local runs: made once, kept owner-readable only. */
    private static Path apiKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the file keeps the directory's permissions.
            }
        }
        return file;
    }

    private static String transactionCode() {
        return "LOCAL-" + OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString().replace("-", "")
                + "-" + ProcessHandle.current().pid();
    }

    /** A sample order for the printed command, expiring in a day. */
    private static Path writeOrder(Path file) throws IOException {
        String json = "{\"transactionCode\":\"" + transactionCode() + "\",\"amount\":\"150.00\",\"currency\":\"PEN\","
                + "\"paymentConcept\":\"Pedido de prueba\",\"expiresAt\":\""
                + OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusDays(1).withNano(0) + "\",\"customer\":{"
                + "\"email\":\"comprador@example.pe\",\"firstName\":\"Ana\",\"lastName\":\"Prueba\","
                + "\"phone\":\"987654321\",\"countryCode\":\"+51\"}}";
        Files.writeString(file, json);
        return file;
    }

    private static Path writePem(Path file, SelfSignedCertificate certificate) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.certificate().getEncoded());
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
