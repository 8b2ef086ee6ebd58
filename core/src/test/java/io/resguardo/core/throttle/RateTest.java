package io.resguardo.core.throttle;

import io.resguardo.core.ErrorCode;
import io.resguardo.core.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateTest {

    @ParameterizedTest
    @CsvSource({
            "'20/s,burst=40', 20, PT1S, 40",
            "'50/s,burst=100', 50, PT1S, 100",
            "'7/m', 7, PT1M, 7",
            "'3/s', 3, PT1S, 3",
            "'5/h,burst=1', 5, PT1H, 1",
            "' 20 / s , burst = 40 ', 20, PT1S, 40",
    })
    void parsesAmountUnitAndBurst(String text, long amount, Duration per, long burst) {
        assertEquals(new Rate(amount, per, burst), Rate.parse(text));
    }

    @Test
    void burstDefaultsToTheAmountPerUnit() {
        assertEquals(60, Rate.parse("60/m").burst());
    }

    @Test
    void contractDefaultsMatchTheirTextForm() {
        assertEquals(Rate.parse("20/s,burst=40"), Rate.DEFAULT_API);
        assertEquals(Rate.parse("50/s,burst=100"), Rate.DEFAULT_WEBHOOK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20/s,burst=40", "7/m,burst=7", "5/h,burst=1"})
    void textFormRoundTrips(String text) {
        assertEquals(text, Rate.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "20", "20/d", "20/s,", "20/s;burst=40", "-1/s", "0/s", "20/s,burst=0", "1.5/s",
            "20/s,burst=40,burst=40", "20/S", "99999999999/s", "2000000000/s", "20/s,bursts=40"})
    void rejectsMalformedTextNamingTheSettingAndTheInput(String text) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Rate.parse(text, "RESGUARDO_RATE_LIMIT_API"));
        assertEquals(ErrorCode.INVALID_CONFIGURATION, e.code());
        assertTrue(e.getMessage().contains("RESGUARDO_RATE_LIMIT_API"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void rejectsMissingTextNamingTheSetting() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Rate.parse(null, "RESGUARDO_RATE_LIMIT_WEBHOOK"));
        assertTrue(e.getMessage().contains("RESGUARDO_RATE_LIMIT_WEBHOOK"));
    }

    @Test
    void rejectsABurstTooLargeForTheBucketArithmetic() {
        assertThrows(InvalidConfigurationException.class, () -> new Rate(1, Duration.ofDays(1), 1_000_000_000));
    }

    @Test
    void rejectsPeriodsOutsideOneSecondToOneDay() {
        assertThrows(InvalidConfigurationException.class, () -> new Rate(1, Duration.ofMillis(999), 1));
        assertThrows(InvalidConfigurationException.class, () -> new Rate(1, Duration.ofDays(1).plusNanos(1), 1));
    }

    @Test
    void oddRatesAreScheduledExactlyInScaledUnits() {
        Emission threePerSecond = Rate.parse("3/s").emission();
        assertEquals(3, threePerSecond.scale());
        assertEquals(1_000_000_000L, threePerSecond.interval());
        Emission twentyPerSecond = Rate.DEFAULT_API.emission();
        assertEquals(1, twentyPerSecond.scale());
        assertEquals(50_000_000L, twentyPerSecond.interval());
    }

    @Test
    void ratesWithALargeDenominatorRoundTheTokenUpToWholeNanoseconds() {
        Emission e = Rate.parse("1031/s").emission();
        assertEquals(1, e.scale());
        assertEquals(969_933L, e.interval());
    }
}
