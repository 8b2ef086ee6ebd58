package io.resguardo.web.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SandboxOptionsTest {
    @Test
    void retriesWaitOneTwoFourEightSecondsByDefault() {
        SandboxOptions options = SandboxOptions.defaults();

        assertEquals(Duration.ofSeconds(1), options.retryDelay(2));
        assertEquals(Duration.ofSeconds(2), options.retryDelay(3));
        assertEquals(Duration.ofSeconds(4), options.retryDelay(4));
        assertEquals(Duration.ofSeconds(8), options.retryDelay(5));
    }

    @Test
    void noRetryWaitsLongerThanTheCap() {
        SandboxOptions options = SandboxOptions.defaults().withDeliveryAttempts(20);

        assertEquals(SandboxOptions.MAX_RETRY_DELAY, options.retryDelay(20));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 21})
    void attemptsOutsideOneToTwentyAreRefused(int attempts) {
        assertThrows(IllegalArgumentException.class, () -> SandboxOptions.defaults().withDeliveryAttempts(attempts));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "10.001"})
    void aMaximumAmountThatIsNotAPositiveTwoDecimalAmountIsRefused(String amount) {
        assertThrows(IllegalArgumentException.class,
                () -> SandboxOptions.defaults().withMaxAmount(new BigDecimal(amount)));
    }

    @Test
    void aNegativeRetryDelayOrANonPositiveTimeoutIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SandboxOptions.defaults().withFirstRetryDelay(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> SandboxOptions.defaults().withDeliveryTimeout(Duration.ZERO));
    }
}
