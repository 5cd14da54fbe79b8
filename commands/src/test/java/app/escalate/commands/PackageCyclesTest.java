package app.escalate.commands;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The domain's packages depend on each other one way: a feature package (summary, triage, …) may
 * use the shared model at the root, never the other way round, and no two features in a circle.
 */
class PackageCyclesTest {
    private static final JavaClasses DOMAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.escalate.commands");

    @Test
    void no_package_of_the_domain_is_in_a_cycle() {
        slices().matching("app.escalate.(**)").should().beFreeOfCycles().check(DOMAIN);
    }
}
