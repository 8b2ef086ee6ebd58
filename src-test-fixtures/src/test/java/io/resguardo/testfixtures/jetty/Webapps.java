package io.resguardo.testfixtures.jetty;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Tiny web applications written into a test's temporary directory. */
final class Webapps {
    static final String INDEX = "<!doctype html><title>probe</title>hello from the webapp";

    private Webapps() {
    }

    /** An exploded webapp: {@code index.html} plus a {@code web.xml} whose body is {@code declarations}. */
    static Path exploded(Path dir, String declarations) throws IOException {
        Files.createDirectories(dir.resolve("WEB-INF"));
        Files.writeString(dir.resolve("WEB-INF/web.xml"), webXml(declarations));
        Files.writeString(dir.resolve("index.html"), INDEX);
        return dir;
    }

    /** The same webapp packed as a WAR file. */
    static Path war(Path file, String declarations) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "WEB-INF/web.xml", webXml(declarations));
            put(zip, "index.html", INDEX);
        }
        return file;
    }

    static String probeServlet(String urlPattern) {
        return """
                <servlet><servlet-name>probe</servlet-name>
                  <servlet-class>io.resguardo.testfixtures.jetty.ProbeServlet</servlet-class></servlet>
                <servlet-mapping><servlet-name>probe</servlet-name><url-pattern>%s</url-pattern></servlet-mapping>
                """.formatted(urlPattern);
    }

    static String listener(String className) {
        return "<listener><listener-class>" + className + "</listener-class></listener>";
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String webXml(String declarations) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                         version="6.0">
                %s
                </web-app>
                """.formatted(declarations);
    }
}
