package io.resguardo.testfixtures.jetty;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away TLS identity for {@code localhost}: a fresh EC (secp256r1) key and a self-signed certificate for
 * {@code CN=localhost} with the subject alternative names {@code dns:localhost}, {@code ip:127.0.0.1} and
 * {@code ip:::1}, valid for {@value #VALIDITY_DAYS} days from now, in a PKCS#12 key store protected by a random
 * password.
 *
 * <p>The key pair is made by the JDK's own {@code keytool}, so no third-party cryptography library is needed.
 * Trust is always explicit: {@link #clientContext()} and {@link #truststore(Path)} trust this one certificate and
 * nothing else, which is how tests prove that a client verifies the server instead of trusting everything.
 */
public final class SelfSignedCertificate {
    /** Alias of the key entry in {@link #keystore()}. */
    public static final String ALIAS = "localhost";
    static final int VALIDITY_DAYS = 30;
    private static final String TRUSTED_ALIAS = "localhost-trusted";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;
    private static final String PASSWORD_VARIABLE = "RESGUARDO_TEST_STORE_PASSWORD";

    private final Path keystore;
    private final char[] password;
    private final X509Certificate certificate;

    private SelfSignedCertificate(Path keystore, char[] password, X509Certificate certificate) {
        this.keystore = keystore;
        this.password = password;
        this.certificate = certificate;
    }

    /**
     * Generates a new key and certificate into {@code dir/localhost.p12} (the directory is created when missing).
     *
     * @throws IllegalStateException when {@code keytool} fails or does not finish; the message carries its output
     */
    public static SelfSignedCertificate generate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path keystore = dir.resolve("localhost.p12");
            char[] password = randomPassword();
            runKeytool(keystore, password);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
            X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
            if (certificate == null) {
                throw new IllegalStateException("keytool wrote " + keystore + " without an entry '" + ALIAS + "'");
            }
            return new SelfSignedCertificate(keystore, password, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key store keytool wrote", e);
        }
    }

    /** The PKCS#12 key store holding the private key and certificate under {@link #ALIAS}. */
    public Path keystore() {
        return keystore;
    }

    /** A copy of the password of {@link #keystore()} and of every trust store made by {@link #truststore(Path)}. */
    public char[] password() {
        return password.clone();
    }

    /** The self-signed certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * A client TLS context whose only trust anchor is this certificate. Clients should still restrict protocols to
     * TLSv1.3 and TLSv1.2 and keep hostname verification on, as {@link EmbeddedJetty#httpClient()} does.
     */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustOnly());
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a client TLS context", e);
        }
    }

    /**
     * Writes {@code dir/localhost-trust.p12}, a PKCS#12 trust store holding only this certificate, protected by
     * {@link #password()}; for code that is configured with a trust store file.
     */
    public Path truststore(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("localhost-trust.p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                trustOnly().store(out, password);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write a trust store", e);
        }
    }

    private KeyStore trustOnly() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry(TRUSTED_ALIAS, certificate);
        return store;
    }

    private static char[] randomPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    private static void runKeytool(Path keystore, char[] password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        // The password travels in the environment, not on the command line where `ps` would show it.
        List<String> command = List.of(
                keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                "-validity", Integer.toString(VALIDITY_DAYS),
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE);
        // Output goes to a file so that the timeout holds even if keytool hangs without closing its output.
        Path log = Files.createTempFile(keystore.getParent(), "keytool", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().put(PASSWORD_VARIABLE, new String(password));
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while waiting for keytool", e);
            }
            String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).strip();
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS
                        + " s: " + output);
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(keystore)) {
                throw new IllegalStateException("keytool -genkeypair failed with exit code " + process.exitValue()
                        + ": " + output);
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
