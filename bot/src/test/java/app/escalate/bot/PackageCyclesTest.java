package app.escalate.bot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The bot's packages depend on each other one way: the wiring at the root uses slack/, jobs/,
 * outbox/ and render/; the Slack edge uses the outbox's types, never the other way round.
 */
class PackageCyclesTest {
    private static final JavaClasses BOT = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.escalate.bot");

    @Test
    void no_package_of_the_bot_is_in_a_cycle() {
        slices().matching("app.escalate.(**)").should().beFreeOfCycles().check(BOT);
    }
}
