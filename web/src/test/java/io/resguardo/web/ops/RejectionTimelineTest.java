package io.resguardo.web.ops;

import io.resguardo.testfixtures.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RejectionTimelineTest {
    @Test
    void eachMinuteHoldsWhatWasRejectedInItNewestFirstAndEmptyMinutesShow() {
        MutableClock clock = MutableClock.at(Instant.parse("2026-11-27T10:00:00Z"));
        Map<String, Long> totals = new TreeMap<>();
        RejectionTimeline timeline = new RejectionTimeline(() -> totals, clock);
        timeline.sample();
        totals.put("SIGNATURE_INVALID", 3L);
        clock.advance(Duration.ofMinutes(1));
        timeline.sample();
        clock.advance(Duration.ofMinutes(1));
        timeline.sample();
        totals.put("SIGNATURE_INVALID", 4L);
        totals.put("RATE_LIMITED", 7L);
        clock.advance(Duration.ofMinutes(1));
        timeline.sample();

        List<RejectionTimeline.Minute> last = timeline.last(10);
        assertEquals(3, last.size());
        assertEquals(new RejectionTimeline.Minute(Instant.parse("2026-11-27T10:02:00Z"),
                Map.of("RATE_LIMITED", 7L, "SIGNATURE_INVALID", 1L)), last.get(0));
        assertEquals(Map.of(), last.get(1).counts());
        assertEquals(Map.of("SIGNATURE_INVALID", 3L), last.get(2).counts());
    }

    @Test
    void onlyTheLastHourIsKept() {
        MutableClock clock = MutableClock.at(Instant.parse("2026-11-27T10:00:00Z"));
        RejectionTimeline timeline = new RejectionTimeline(Map::of, clock);
        for (int i = 0; i < 200; i++) {
            timeline.sample();
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(RejectionTimeline.MINUTES, timeline.last(500).size());
    }
}
