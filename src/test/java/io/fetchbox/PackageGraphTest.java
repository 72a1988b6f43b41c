package io.fetchbox;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * The package graph of docs/architecture.md ("Packages"): no cycle, and every arrow points down the
 * tiers below, never up and never sideways within a tier. A new dependency that breaks this fails here.
 */
@AnalyzeClasses(packages = "io.fetchbox", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageGraphTest {

    /** Top first; a package may use only packages of the tiers below its own. */
    static final List<List<String>> TIERS = List.of(
            List.of("app"),
            List.of("web"),
            List.of("cluster"),
            List.of("inbox", "observe", "notify", "hosts"),
            List.of("batch"),
            List.of("fetch"),
            List.of("report"),
            List.of("naming", "list", "config"),
            List.of("url", "logging", "lock", "folders", "media"));

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("io.fetchbox.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule everyArrowPointsDown = layers();

    private static LayeredArchitecture layers() {
        LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> tier : TIERS) {
            for (String name : tier) {
                // "app" is the root package alone: Fetchbox, Service, FetchboxConfiguration and their helpers
                layers =
                        layers.layer(name).definedBy(name.equals("app") ? "io.fetchbox" : "io.fetchbox." + name + "..");
            }
        }
        List<String> above = new ArrayList<>();
        for (List<String> tier : TIERS) {
            for (String name : tier) {
                layers = above.isEmpty()
                        ? layers.whereLayer(name).mayNotBeAccessedByAnyLayer()
                        : layers.whereLayer(name).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
            above.addAll(tier);
        }
        return layers;
    }
}
