package io.resguardo.web.pagoefectivo;

import io.resguardo.testfixtures.jetty.SelfSignedCertificate;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The certificates of the PagoEfectivo tests, made once per test run (keytool is slow) and shared through JUnit's
 * root store: the fake's identity for {@code localhost}, a stranger nobody trusts, a client identity for mutual TLS,
 * and an identity valid only for another host name. JUnit closes it (deleting the files) at the end of the run.
 */
final class Pki implements AutoCloseable {
    static final String OTHER_HOST = "pagoefectivo.invalid";

    private final Path dir;
    private final SelfSignedCertificate server;
    private final SelfSignedCertificate stranger;
    private final SelfSignedCertificate client;
    private final Identity otherHost;

    private Pki(Path dir) {
        this.dir = dir;
        this.server = SelfSignedCertificate.generate(dir.resolve("server"));
        this.stranger = SelfSignedCertificate.generate(dir.resolve("stranger"));
        this.client = SelfSignedCertificate.generate(dir.resolve("client"));
        this.otherHost = keytool(dir.resolve("other"), OTHER_HOST);
    }

    Identity server() {
        return Identity.of(server);
    }

    /** What the client trusts: the fake's certificate, through the fixture's trust store file. */
    KeyStore trustStore() {
        return Identity.load(server.truststore(dir.resolve("trust")), server.password());
    }

    Identity stranger() {
        return Identity.of(stranger);
    }

    Identity client() {
        return Identity.of(client);
    }

    /** Valid for {@value #OTHER_HOST} only: neither {@code localhost} nor {@code 127.0.0.1}. */
    Identity otherHost() {
        return otherHost;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Resolves a {@link Pki} parameter, creating it once per run. */
    static final class Extension implements ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Pki.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Pki.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Pki.class, key -> {
                try {
                    return new Pki(Files.createTempDirectory("resguardo-pe-pki"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, Pki.class);
        }
    }

    /** A self-signed identity for {@code host} alone, made by the JDK's keytool like the fixture's. */
    private static Identity keytool(Path dir, String host) {
        try {
            Files.createDirectories(dir);
            Path keystore = dir.resolve("other.p12");
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Path log = dir.resolve("keytool.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                    "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                    "-dname", "CN=" + host, "-ext", "SAN=dns:" + host, "-validity", "30",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass:env", "STORE_PASSWORD", "-keypass:env", "STORE_PASSWORD"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("STORE_PASSWORD", new String(password));
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool failed: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            KeyStore store = Identity.load(keystore, password);
            return new Identity(keystore, password, (X509Certificate) store.getCertificate("other"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
