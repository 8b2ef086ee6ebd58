package io.resguardo.web.config;

import io.resguardo.core.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingSourceTest {
    private final Properties properties = new Properties();
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> initParameters = new HashMap<>();
    private final Map<String, Object> jndi = new HashMap<>();
    private final List<String> jndiLookups = new ArrayList<>();

    private final SettingSource source = SettingSource.layered(properties, environment, initParameters::get,
            name -> {
                jndiLookups.add(name);
                return jndi.get(name);
            });

    @Test
    void systemPropertyBeatsEnvironmentBeatsInitParameterBeatsJndi() {
        properties.setProperty("resguardo.db.url", "from-property");
        environment.put("RESGUARDO_DB_URL", "from-environment");
        initParameters.put("resguardo.db.url", "from-init-param");
        jndi.put("java:comp/env/resguardo/db.url", "from-jndi");
        assertEquals(Optional.of("from-property"), source.get("RESGUARDO_DB_URL"));

        properties.remove("resguardo.db.url");
        assertEquals(Optional.of("from-environment"), source.get("RESGUARDO_DB_URL"));

        environment.remove("RESGUARDO_DB_URL");
        assertEquals(Optional.of("from-init-param"), source.get("RESGUARDO_DB_URL"));

        initParameters.remove("resguardo.db.url");
        assertEquals(Optional.of("from-jndi"), source.get("RESGUARDO_DB_URL"));

        jndi.clear();
        assertEquals(Optional.empty(), source.get("RESGUARDO_DB_URL"));
    }

    @Test
    void jndiIsAskedOnlyWhenNoEarlierLayerHasTheValueAndReceivesTheFullName() {
        environment.put("RESGUARDO_DB_URL", "from-environment");
        source.get("RESGUARDO_DB_URL");
        assertTrue(jndiLookups.isEmpty());

        source.get("PAGOEFECTIVO_SECRET_KEY");
        assertEquals(List.of("java:comp/env/pagoefectivo/secret.key"), jndiLookups);
    }

    @Test
    void blankValuesCountAsUnsetAndFallThroughToTheNextLayer() {
        properties.setProperty("resguardo.env", "  ");
        environment.put("RESGUARDO_ENV", "");
        initParameters.put("resguardo.env", "\t");
        jndi.put("java:comp/env/resguardo/env", "production");
        assertEquals(Optional.of("production"), source.get("RESGUARDO_ENV"));

        jndi.put("java:comp/env/resguardo/env", " ");
        assertEquals(Optional.empty(), source.get("RESGUARDO_ENV"));
    }

    @Test
    void aJndiValueThatIsNotAStringIsTakenByItsText() {
        jndi.put("java:comp/env/resguardo/max.body.bytes", 4096);
        jndi.put("java:comp/env/resguardo/require.https", Boolean.TRUE);
        assertEquals(Optional.of("4096"), source.get("RESGUARDO_MAX_BODY_BYTES"));
        assertEquals(Optional.of("true"), source.get("RESGUARDO_REQUIRE_HTTPS"));
    }

    @Test
    void secretFileSettingsMapLikeAnyOther() {
        properties.setProperty("pagoefectivo.secret.key.file", "/run/secrets/pe");
        assertEquals(Optional.of("/run/secrets/pe"), source.get("PAGOEFECTIVO_SECRET_KEY_FILE"));
    }

    @Test
    void systemPropertiesAreReadAtEveryLookup() {
        assertEquals(Optional.empty(), source.get("RESGUARDO_HOME"));
        properties.setProperty("resguardo.home", "/srv/resguardo");
        assertEquals(Optional.of("/srv/resguardo"), source.get("RESGUARDO_HOME"));
    }

    @Test
    void aFixedMapTreatsBlankAsUnsetAndIsCopied() {
        Map<String, String> values = new HashMap<>(Map.of("RESGUARDO_ENV", "sandbox", "RESGUARDO_HOME", " "));
        SettingSource fixed = SettingSource.of(values);
        values.put("RESGUARDO_ENV", "production");
        assertEquals(Optional.of("sandbox"), fixed.get("RESGUARDO_ENV"));
        assertEquals(Optional.empty(), fixed.get("RESGUARDO_HOME"));
        assertEquals(Optional.empty(), fixed.get("RESGUARDO_DB_URL"));
    }

    @ParameterizedTest
    @CsvSource({
            "RESGUARDO_DB_URL,         resguardo.db.url,         java:comp/env/resguardo/db.url",
            "PAGOEFECTIVO_SECRET_KEY,  pagoefectivo.secret.key,  java:comp/env/pagoefectivo/secret.key",
            "RESGUARDO_ENV,            resguardo.env,            java:comp/env/resguardo/env",
            "RESGUARDO_SHOP_WEBHOOK_SECRET_FILE, resguardo.shop.webhook.secret.file,"
                    + " java:comp/env/resguardo/shop.webhook.secret.file",
            "SOLO,                     solo,                     java:comp/env/solo",
    })
    void namesMapToPropertyAndJndiForms(String name, String property, String jndiName) {
        assertEquals(property, SettingNames.propertyName(name));
        assertEquals(jndiName, SettingNames.jndiName(name));
    }

    @Test
    void aFailingJndiLookupBecomesAProblemNamingTheSetting() {
        Function<String, Object> failing = name -> {
            throw new IllegalStateException("javax.naming.NamingException: secret-value-in-message");
        };
        SettingSource broken = SettingSource.layered(new Properties(), Map.of(), name -> null, failing);
        assertThrows(IllegalStateException.class, () -> broken.get("RESGUARDO_ENV"));

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> ResguardoConfig.load(broken, Configs.CLOCK));
        assertTrue(e.getMessage().contains("RESGUARDO_ENV: could not be read (IllegalStateException)"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-value-in-message"), e.getMessage());
    }
}
