package io.resguardo.sql;

import io.resguardo.sql.order.Order;
import io.resguardo.sql.payment.NotificationOutcome;
import io.resguardo.sql.payment.NotificationResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The process {@link CrashSurvivalTest} kills: opens the embedded default under {@code args[0]}, creates order
 * {@code args[1]}, gives it CIP {@code args[2]}, applies a paid notification with operation number {@code args[3]},
 * prints {@code COMMITTED <transactionCode>} and then waits, database open, to be killed.
 *
 * <p>It waits on its standard input rather than forever, so that it cannot outlive a parent that died without
 * killing it; it then halts without closing anything, which is as abrupt as the kill it was waiting for.
 */
public final class CrashChild {
    /** The line announcing that the payment transaction has committed. */
    static final String COMMITTED = "COMMITTED ";

    private CrashChild() {
    }

    public static void main(String[] args) throws IOException {
        Path home = Path.of(args[0]);
        String transactionCode = args[1];
        String cip = args[2];
        String operationNumber = args[3];
        Clock clock = Clock.systemUTC();
        Database db = Database.open(DatabaseSettings.embedded(home), clock);
        Order order = db.orders().create(Fixtures.order(transactionCode, clock), "shop:crash").order();
        db.orders().assignCip(order.id(), cip, "https://pago.example/" + cip, "crash-child");
        NotificationResult result = db.payments().apply(Fixtures.paid(cip, operationNumber));
        if (result.outcome() != NotificationOutcome.ACCEPTED) {
            System.err.println("payment not accepted: " + result.outcome());
            Runtime.getRuntime().halt(2);
        }
        System.out.println(COMMITTED + transactionCode);
        System.out.flush();
        while (System.in.read() >= 0) {
            // The parent never writes; end of input means it is gone.
        }
        Runtime.getRuntime().halt(3);
    }
}
