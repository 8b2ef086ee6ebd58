package io.resguardo.core.internal;

import io.resguardo.core.secret.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.Arrays;
import java.util.List;

/**
 * Initialized Macs for a fixed list of keys, one set per thread.
 *
 * <p>{@code Mac.getInstance} and {@code init} cost more than the HMAC of a typical notification body, and a Mac is
 * not thread-safe: each thread that asks gets its own Mac per key, created on first use and reused afterwards
 * ({@code doFinal} resets it). The thread-local is held by this instance, never a static field, so the per-thread
 * state goes away with the owner. The thread-local holds JDK types only ({@code Mac[]}): a servlet container that
 * scans its pooled threads when an application stops finds no class of the application there, so reports no
 * class-loader leak. The key bytes are copied once into the key specs and the revealed copies wiped.
 */
public final class ThreadMacs {
    private final SecretKeySpec[] keys;
    private final ThreadLocal<Mac[]> macs;

    public ThreadMacs(String jcaAlgorithm, List<Secret> secrets) {
        this.keys = new SecretKeySpec[secrets.size()];
        for (int i = 0; i < keys.length; i++) {
            byte[] material = secrets.get(i).revealBytes();
            keys[i] = new SecretKeySpec(material, jcaAlgorithm);
            Arrays.fill(material, (byte) 0);
        }
        this.macs = ThreadLocal.withInitial(() -> new Mac[keys.length]);
    }

    /** How many keys. */
    public int size() {
        return keys.length;
    }

    /** This thread's Mac for key {@code index}, initialized and reset. */
    public Mac mac(int index) {
        Mac[] local = macs.get();
        Mac mac = local[index];
        if (mac == null) {
            mac = Hmacs.newMac(keys[index]);
            local[index] = mac;
        }
        return mac;
    }
}
