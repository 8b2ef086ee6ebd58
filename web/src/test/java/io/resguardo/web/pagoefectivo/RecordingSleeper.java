package io.resguardo.web.pagoefectivo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the delays the client asks for instead of sleeping; runs an optional hook at each. */
final class RecordingSleeper implements Sleeper {
    private final List<Duration> delays = new CopyOnWriteArrayList<>();
    private volatile Runnable hook = () -> { };

    @Override
    public void sleep(Duration delay) {
        delays.add(delay);
        hook.run();
    }

    void onSleep(Runnable hook) {
        this.hook = hook;
    }

    List<Duration> delays() {
        return List.copyOf(delays);
    }
}
