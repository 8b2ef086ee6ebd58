package io.resguardo.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JPMS name is public API: a library users' module-info files name it. */
class ModuleDescriptorTest {

    /** Core's own classes directory (tests run on the class path, where other jars carry a module-info too). */
    private static Path classes() {
        return Path.of(ErrorCode.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    }

    private static ModuleDescriptor descriptor() throws IOException {
        Path file = classes().resolve("module-info.class");
        assertTrue(Files.isRegularFile(file), "core ships a module-info.class");
        try (InputStream in = Files.newInputStream(file)) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void moduleIsNamedIoResguardoCoreAndRequiresOnlyJavaBase() throws IOException {
        ModuleDescriptor d = descriptor();
        assertEquals("io.resguardo.core", d.name());
        assertEquals(Set.of("java.base"),
                d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
    }

    @Test
    void exportsEveryApiPackageButNotTheCliOrInternals() throws IOException {
        Set<String> exported = descriptor().exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        Set<String> packages = new TreeSet<>();
        Path root = classes();
        try (var files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class") && !p.endsWith("module-info.class"))
                    .map(p -> root.relativize(p.getParent()).toString().replace('/', '.'))
                    .forEach(packages::add);
        }
        packages.remove("io.resguardo.core.cli");
        packages.remove("io.resguardo.core.internal");
        assertEquals(packages, exported);
    }
}
