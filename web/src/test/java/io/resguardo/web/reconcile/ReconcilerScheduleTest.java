package io.resguardo.web.reconcile;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReconcilerScheduleTest {
    @Test
    void aYoungOrderIsLookedAtAgainAfterFifteenMinutes() {
        assertEquals(Duration.ofMinutes(15), Reconciler.nextInterval(Duration.ofMinutes(15)));
        assertEquals(Duration.ofMinutes(15), Reconciler.nextInterval(Duration.ofHours(1)));
        assertEquals(Duration.ofMinutes(15), Reconciler.nextInterval(Duration.ofMinutes(-1)));
    }

    @Test
    void theIntervalGrowsWithAgeUpToSixHours() {
        assertEquals(Duration.ofMinutes(30), Reconciler.nextInterval(Duration.ofHours(2)));
        assertEquals(Duration.ofHours(6), Reconciler.nextInterval(Duration.ofHours(24)));
        assertEquals(Duration.ofHours(6), Reconciler.nextInterval(Duration.ofDays(30)));
    }
}
