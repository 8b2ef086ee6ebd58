package io.resguardo.web.callback;

import io.resguardo.core.redact.Redactor;
import io.resguardo.core.validation.Currency;
import io.resguardo.core.validation.Customer;
import io.resguardo.core.validation.DocumentType;
import io.resguardo.core.validation.IdentityDocument;
import io.resguardo.core.validation.ValidOrder;
import io.resguardo.core.webhook.StandardWebhooks;
import io.resguardo.core.webhook.WebhookSecret;
import io.resguardo.sql.Database;
import io.resguardo.sql.DatabaseSettings;
import io.resguardo.sql.order.Order;
import io.resguardo.sql.outbox.OutboxEvent;
import io.resguardo.sql.payment.IncomingNotification;
import io.resguardo.sql.payment.NotificationOutcome;
import io.resguardo.sql.payment.PaymentEvent;
import io.resguardo.testfixtures.MutableClock;
import io.resguardo.testfixtures.TestDatabases;
import io.resguardo.testfixtures.TestDatabases.Engine;
import io.resguardo.testfixtures.jetty.SelfSignedCertificate;
import io.resguardo.web.log.SafeLog;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.math.BigDecimal;
import java.net.URI;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A fresh H2 database with orders and their outbox events, and a {@link ShopReceiver} behind HTTPS (a self-signed
 * certificate for {@code localhost}) in embedded Jetty, which can be stopped and started again on the same port.
 */
final class ShopHarness implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-26T15:00:00Z");

    final MutableClock clock = MutableClock.at(START);
    final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
    final ShopReceiver receiver = new ShopReceiver(StandardWebhooks.of(secret, clock));
    final Database db;
    final URI url;
    private final SelfSignedCertificate certificate;
    private final Server server;
    private final ServerConnector connector;

    ShopHarness(TestDatabases databases, SelfSignedCertificate certificate) throws Exception {
        this.certificate = certificate;
        this.db = Database.open(DatabaseSettings.embedded(databases.create(Engine.H2).home()), clock);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setDaemon(true);
        server = new Server(threads);
        connector = connector(certificate, server);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(receiver), "/shop/webhooks");
        server.setHandler(context);
        server.start();
        // From now on the port is fixed, so that a stopped receiver comes back where the callbacks look for it.
        connector.setPort(connector.getLocalPort());
        url = URI.create("https://localhost:" + connector.getLocalPort() + "/shop/webhooks");
    }

    /** Callbacks trusting exactly the receiver's certificate, with the given jitter. */
    ShopCallbacks callbacks(DoubleSupplier jitter) throws Exception {
        return callbacks(Optional.of(trustStore(certificate)), jitter);
    }

    ShopCallbacks callbacks(Optional<KeyStore> trustStore, DoubleSupplier jitter) {
        return new ShopCallbacks(db.outbox(), url, secret, trustStore, clock, "node-1", jitter,
                new SafeLog("io.resguardo.callback", Redactor.standard()));
    }

    static KeyStore trustStore(SelfSignedCertificate trusted) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("shop", trusted.certificate());
        return store;
    }

    void stopReceiver() throws Exception {
        server.stop();
    }

    void startReceiver() throws Exception {
        server.start();
    }

    /** A PEN 150.00 order with a CIP, paid by a notification: its {@code payment.succeeded} event is queued. */
    Order paidOrder(String transactionCode, String cip) {
        ValidOrder valid = new ValidOrder(transactionCode, new BigDecimal("150.00"), Currency.PEN,
                "Zapatillas talla 42", OffsetDateTime.ofInstant(clock.instant().plusSeconds(86_400),
                ZoneOffset.ofHours(-5)), new Customer("maria.quispe@example.pe", Optional.of("Maria"),
                Optional.of("Quispe"), Optional.of(new IdentityDocument(DocumentType.DNI, "45871236")),
                "987654321", "+51"));
        Order order = db.orders().create(valid, "shop:k1").order();
        db.orders().assignCip(order.id(), cip, "https://pay.example/" + cip, "test");
        String payload = "{\"eventType\":\"cip.paid\",\"operationNumber\":\"op-" + cip + "\",\"data\":{\"cip\":\""
                + cip + "\",\"currency\":\"PEN\",\"amount\":150.00}}";
        IncomingNotification paid = new IncomingNotification(PaymentEvent.PAID, cip, "op-" + cip,
                Optional.of("PEN"), Optional.of(new BigDecimal("150.00")), "current", payload);
        assertEquals(NotificationOutcome.ACCEPTED, db.payments().apply(paid).outcome());
        return db.orders().findByTransactionCode(transactionCode).orElseThrow();
    }

    /** Further events of {@code order}, queued in one transaction. */
    List<String> enqueue(Order order, String... types) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            for (String type : types) {
                ids.add(db.outbox().enqueue(c, type, order, clock.instant()));
            }
            c.commit();
        }
        return ids;
    }

    /** Every event, oldest first. */
    List<OutboxEvent> events() {
        List<OutboxEvent> newestFirst = new ArrayList<>(db.outbox().list(Optional.empty(), 1000));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    OutboxEvent event(String eventId) {
        return db.outbox().find(eventId).orElseThrow();
    }

    private static ServerConnector connector(SelfSignedCertificate certificate, Server server) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(certificate.keystore().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(new String(certificate.password()));
        tls.setCertAlias(SelfSignedCertificate.ALIAS);
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(configuration));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        return connector;
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            db.close();
        }
    }
}
