package io.resguardo.web.pagoefectivo;

import io.resguardo.core.secret.Secret;
import io.resguardo.core.validation.Currency;
import io.resguardo.core.validation.Customer;
import io.resguardo.core.validation.DocumentType;
import io.resguardo.core.validation.IdentityDocument;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.order.OrderStatus;
import io.resguardo.testfixtures.MutableClock;

import java.math.BigDecimal;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A fake PagoEfectivo and clients for it, sharing one clock, random credentials, a recording sleeper and a scripted
 * jitter source (0.5 when the script is empty).
 */
final class Harness implements AutoCloseable {
    static final long SERVICE_ID = 20_417;
    static final String EMAIL = "ana.quispe@example.pe";
    static final String ADMIN_EMAIL = "cobranzas@tienda.example.pe";
    static final String PHONE = "987654321";
    static final String DOCUMENT = "45678912";

    final MutableClock clock = MutableClock.at(Instant.parse("2026-11-26T15:15:30Z"));
    final String accessKey = random(18);
    final String secretKey = random(24);
    final RecordingSleeper sleeper = new RecordingSleeper();
    final ConcurrentLinkedDeque<Double> randoms = new ConcurrentLinkedDeque<>();
    final FakePagoEfectivo fake;
    private final KeyStore trustStore;

    /** The fake with the shared {@code localhost} identity, trusted by the clients. */
    Harness(Pki pki) {
        this(pki, pki.server(), null, pki.trustStore());
    }

    /**
     * @param clients   when not null, the fake requires a client certificate trusted by this store
     * @param trustStore what the clients trust
     */
    Harness(Pki pki, Identity serverIdentity, KeyStore clients, KeyStore trustStore) {
        this.fake = new FakePagoEfectivo(serverIdentity.serverContext(clients), clients != null, clock, SERVICE_ID,
                accessKey, secretKey).start();
        this.trustStore = trustStore;
    }

    PagoEfectivoClient.Builder builder() {
        return builder(Secret.ofText(accessKey, "access"), Secret.ofText(secretKey, "secret"));
    }

    PagoEfectivoClient.Builder builder(Secret access, Secret secret) {
        return PagoEfectivoClient.builder(fake.baseUri(), SERVICE_ID, access, secret)
                .trustStore(trustStore)
                .clock(clock)
                .sleeper(sleeper)
                .jitter(() -> {
                    Double next = randoms.poll();
                    return next == null ? 0.5 : next;
                })
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(10));
    }

    PagoEfectivoClient client() {
        return builder().build();
    }

    static Customer customer() {
        return new Customer(EMAIL, Optional.of("Ana"), Optional.of("Quispe"),
                Optional.of(new IdentityDocument(DocumentType.DNI, DOCUMENT)), PHONE, "+51");
    }

    Order order(String transactionCode) {
        Instant now = clock.instant();
        return new Order(1, transactionCode, new BigDecimal("150.5"), Currency.PEN, "Zapatillas de trail",
                now.plus(Duration.ofDays(1)), customer(), OrderStatus.PENDING, Optional.empty(), Optional.empty(),
                now, now, Optional.empty(), Optional.empty(), 0);
    }

    CipRequest request(String transactionCode) {
        return CipRequest.from(order(transactionCode), ADMIN_EMAIL);
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    @Override
    public void close() {
        fake.close();
    }
}
