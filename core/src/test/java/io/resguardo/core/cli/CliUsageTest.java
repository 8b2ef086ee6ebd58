package io.resguardo.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliUsageTest {

    static List<String> commands() {
        return Main.standard().overview().lines()
                .filter(l -> l.startsWith("  "))
                .map(l -> l.strip().split("\\s+")[0])
                .toList();
    }

    @Test
    void listsEveryCommandTheIssueNames() {
        assertTrue(commands().containsAll(List.of("pe-hash", "pe-sign", "pe-verify", "http-sign", "http-verify",
                "digest", "webhook-sign", "webhook-verify", "keygen")), commands().toString());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelpAndExitsZero(String command) {
        CliRun r = CliRun.run(Map.of(), command, "--help");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("usage: " + command), r.out());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void unknownOptionsAreUsageErrors(String command) {
        CliRun r = CliRun.run(Map.of(), command, "--no-such-option", "x");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("unknown option --no-such-option"), r.err());
    }

    @Test
    void refusesASecretOnTheCommandLine() {
        CliRun r = CliRun.run(Map.of(), "pe-sign", "--secret", "s3cr3t-value", "--body", "{}");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("never taken from the command line"), r.err());
        assertTrue(!r.all().contains("s3cr3t-value"));
    }

    @Test
    void unknownCommandAndNoCommandAreUsageErrors() {
        assertEquals(2, CliRun.run(Map.of(), "frobnicate").exit());
        assertEquals(2, CliRun.run(Map.of()).exit());
        assertEquals(0, CliRun.run(Map.of(), "--help").exit());
    }

    @Test
    void missingSecretVariableIsAUsageErrorNamingTheVariable() {
        CliRun r = CliRun.run(Map.of(), "pe-sign", "--secret-env", "PE_SECRET", "--body", "{}");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("PE_SECRET is not set"), r.err());
    }

    @Test
    void keygenPrintsFreshKeysInEachFormat() {
        String b64 = CliRun.run(Map.of(), "keygen").out().strip();
        assertEquals(32, Base64.getDecoder().decode(b64).length);
        String hex = CliRun.run(Map.of(), "keygen", "--format", "hex", "--bytes", "16").out().strip();
        assertEquals(16, HexFormat.of().parseHex(hex).length);
        String whsec = CliRun.run(Map.of(), "keygen", "--format", "whsec").out().strip();
        assertTrue(whsec.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(whsec.substring(6)).length);
        assertTrue(!b64.equals(CliRun.run(Map.of(), "keygen").out().strip()), "keys must differ");
        assertEquals(2, CliRun.run(Map.of(), "keygen", "--format", "whsec", "--bytes", "16").exit());
        assertEquals(2, CliRun.run(Map.of(), "keygen", "--format", "pem").exit());
    }
}
