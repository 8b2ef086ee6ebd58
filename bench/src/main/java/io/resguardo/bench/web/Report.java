package io.resguardo.bench.web;

import java.util.Map;

/** Prints the figures to standard output as they come. */
final class Report {
    private Report() {
    }

    static void header(String title, String date) {
        line("# " + title + " (" + date + ")");
    }

    static void line(String text) {
        System.out.println(text);
        System.out.flush();
    }

    static void errors(Map<String, Long> kinds) {
        kinds.forEach((kind, n) -> line("   error x" + n + ": " + kind));
    }
}
