package io.resguardo.testfixtures;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class VectorsCopyTest {

    @Test
    void everyVectorFileIsShippedAndParses() {
        for (String file : Vectors.FILES) {
            assertFalse(Vectors.load(file).isEmpty(), file);
        }
    }

    @Test
    void copyIsByteIdenticalToThePublishedVectors() throws IOException {
        Optional<Path> shared = Vectors.sharedDirectory();
        assumeTrue(shared.isPresent(), "../shared/vectors is not beside this checkout");
        try (var files = Files.list(shared.get())) {
            List<Path> publishedFiles = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertEquals(Vectors.FILES.stream().sorted().toList(),
                    publishedFiles.stream().map(p -> p.getFileName().toString()).toList(),
                    "the set of vector files differs from ../shared/vectors; copy them again unchanged");
            for (Path published : publishedFiles) {
                String name = published.getFileName().toString();
                assertArrayEquals(Files.readAllBytes(published), Vectors.bytes(name),
                        "src-test-fixtures copy of " + name + " drifted from ../shared/vectors; copy it again unchanged");
            }
        }
    }
}
