package io.resguardo.web.sandbox;

import io.resguardo.core.secret.KeyRing;
import io.resguardo.core.secret.Secret;
import io.resguardo.testfixtures.MutableClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;

import static io.resguardo.web.sandbox.SandboxHarness.SERVICE_ID;
import static io.resguardo.web.sandbox.SandboxHarness.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The credential check without HTTP: key rotation and token hand-out. */
class AuthorizationsTest {
    private final MutableClock clock = MutableClock.at(START);
    private final String accessKey = SandboxHarness.randomText();
    private final String current = SandboxHarness.randomText();
    private final String previous = SandboxHarness.randomText();
    private final Authorizations authorizations = new Authorizations(SERVICE_ID, Secret.ofText(accessKey),
            KeyRing.ofCurrentAndPrevious(Secret.ofText(current), null, Secret.ofText(previous),
                    START.plus(Duration.ofDays(7)), clock), clock);

    private JsonObject request(String secretKey) {
        String date = SandboxHarness.LIMA_FORMAT.format(START.atZone(SandboxHarness.LIMA));
        return Json.createObjectBuilder().add("accessKey", accessKey).add("idService", SERVICE_ID)
                .add("dateRequest", date)
                .add("hashString", SandboxHarness.hashString(SERVICE_ID, accessKey, secretKey, date)).build();
    }

    @Test
    void onlyTheCurrentKeyAuthorizesEvenWhileThePreviousStillVerifiesNotifications() throws Exception {
        authorizations.authorize(request(current));

        PeRefusal refusal = assertThrows(PeRefusal.class, () -> authorizations.authorize(request(previous)));
        assertEquals(401, refusal.status());
        assertEquals("103", refusal.code());
    }

    @Test
    void theIdServiceMayComeAsAStringOfDigits() throws Exception {
        JsonObject request = Json.createObjectBuilder(request(current)).add("idService", Long.toString(SERVICE_ID))
                .build();

        authorizations.authorize(request);
    }

    @Test
    void aTokenIsAcceptedWithAnyCaseOfBearerAndOnlyUntilItExpires() throws Exception {
        String token = authorizations.authorize(request(current)).getString("token");

        authorizations.requireToken("bearer " + token);
        authorizations.requireToken("Bearer " + token);
        clock.advance(Authorizations.TOKEN_LIFETIME);
        PeRefusal refusal = assertThrows(PeRefusal.class, () -> authorizations.requireToken("Bearer " + token));
        assertEquals("106", refusal.code());
    }

    @Test
    void aRefusalBodyHasCodeMessageAndData() {
        PeRefusal refusal = assertThrows(PeRefusal.class, () -> authorizations.authorize(request("x".repeat(20))));

        JsonObject body = Json.createReader(new StringReader(refusal.body().toString())).readObject();
        assertEquals("103", body.getString("code"));
        assertEquals(0, body.getJsonArray("data").size());
    }
}
