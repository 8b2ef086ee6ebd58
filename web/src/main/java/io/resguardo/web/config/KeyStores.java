package io.resguardo.web.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.Optional;

/**
 * Loads the PKCS#12 stores of the PagoEfectivo client at start-up, so that a wrong path or password fails the
 * deployment instead of the first payment.
 */
final class KeyStores {
    private static final String TYPE = "PKCS12";

    /** What a store must hold to be of any use. */
    enum Purpose {
        /** A client certificate for mutual TLS: at least one private key, readable with the store password. */
        CLIENT_KEY,
        /** Certificates to trust: at least one. */
        TRUST
    }

    private KeyStores() {
    }

    /**
     * @param password {@code null} when none is configured (a trust store may be read without one; its integrity is
     *                 then not checked, as the JDK does)
     */
    static Optional<KeyStore> load(String pathName, String pathText, String passwordName, char[] password,
                                   Purpose purpose, Problems problems) {
        Path path;
        try {
            path = Path.of(pathText);
        } catch (InvalidPathException e) {
            problems.add(pathName, "is not a valid file path");
            return Optional.empty();
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problems.add(pathName, "does not name a readable file");
            return Optional.empty();
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(path)) {
            store = KeyStore.getInstance(TYPE);
            store.load(in, password);
        } catch (IOException e) {
            if (isWrongPassword(e)) {
                problems.add(passwordName, password == null ? "is required to open " + pathName
                        : "does not open " + pathName);
            } else {
                problems.add(pathName, "is not a readable PKCS#12 file (" + e.getClass().getSimpleName() + ")");
            }
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            problems.add(pathName, "is not a readable PKCS#12 file (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
        boolean usable = check(store, pathName, passwordName, password, purpose, problems);
        return usable ? Optional.of(store) : Optional.empty();
    }

    /** The JDK reports a wrong PKCS#12 password as an IOException caused by an UnrecoverableKeyException. */
    private static boolean isWrongPassword(IOException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecoverableKeyException) {
                return true;
            }
        }
        return false;
    }

    private static boolean check(KeyStore store, String pathName, String passwordName, char[] password,
                                 Purpose purpose, Problems problems) {
        try {
            int keys = 0;
            int certificates = 0;
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys++;
                    if (purpose == Purpose.CLIENT_KEY) {
                        // The TLS key manager opens keys with the store password: a key under another password
                        // would only fail at the first handshake.
                        store.getKey(alias, password == null ? new char[0] : password);
                    }
                } else if (store.isCertificateEntry(alias)) {
                    certificates++;
                }
            }
            if (purpose == Purpose.CLIENT_KEY && keys == 0) {
                problems.add(pathName, "holds no private key");
                return false;
            }
            // The JDK trust manager also trusts the certificate of a key entry.
            if (purpose == Purpose.TRUST && certificates + keys == 0) {
                if (password == null) {
                    // Without the password, encrypted certificate bags are skipped silently.
                    problems.add(passwordName, "is required to read the certificates in " + pathName);
                } else {
                    problems.add(pathName, "holds no trusted certificate");
                }
                return false;
            }
            return true;
        } catch (UnrecoverableKeyException e) {
            problems.add(passwordName, "does not open the private key in " + pathName);
            return false;
        } catch (GeneralSecurityException e) {
            problems.add(pathName, "cannot be read (" + e.getClass().getSimpleName() + ")");
            return false;
        }
    }
}
