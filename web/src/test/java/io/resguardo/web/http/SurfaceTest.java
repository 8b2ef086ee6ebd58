package io.resguardo.web.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SurfaceTest {
    @ParameterizedTest
    @CsvSource({"/webhooks/pagoefectivo,WEBHOOK", "/api/v1/orders,API", "/api/v1/orders/T-1,API", "/admin,ADMIN",
        "/admin/api/preflight,ADMIN", "/administrator,OTHER", "/metrics,METRICS", "/metrics/x,OTHER", "/health,HEALTH",
        "/healthz,OTHER", "/sandbox/cips,SANDBOX", "/,OTHER", "/api,OTHER"})
    void pathsBelongToTheirSurface(String path, Surface surface) {
        assertEquals(surface, Surface.of(path));
    }
}
