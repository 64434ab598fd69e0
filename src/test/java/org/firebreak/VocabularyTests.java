package org.firebreak;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.firebreak.shared.Conflict;
import org.firebreak.shared.InvalidInput;
import org.firebreak.shared.NotFound;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The one error vocabulary and the one place that answers it (issue 15): checked on the compiled classes. */
class VocabularyTests {

    private static final JavaClasses FIREBREAK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.firebreak");

    @Test
    void everyNotFoundConflictAndInvalidInputSpeaksTheSharedVocabulary() {
        classes().that().haveSimpleNameEndingWith("NotFound").and().doNotHaveFullyQualifiedName(NotFound.class.getName())
                .should().beAssignableTo(NotFound.class).check(FIREBREAK);
        classes().that().haveSimpleNameEndingWith("Conflict").and().doNotHaveFullyQualifiedName(Conflict.class.getName())
                .should().beAssignableTo(Conflict.class).check(FIREBREAK);
        classes().that().haveSimpleNameStartingWith("Invalid").and().areAssignableTo(RuntimeException.class)
                .and().doNotHaveFullyQualifiedName(InvalidInput.class.getName())
                .and().doNotHaveSimpleName("InvalidConfiguration")
                .should().beAssignableTo(InvalidInput.class).check(FIREBREAK);
    }

    @Test
    void onlyTheSharedHandlersAnswerTheApiAndThePages() {
        noClasses().that().areAnnotatedWith(RestControllerAdvice.class).or().areAnnotatedWith(ControllerAdvice.class)
                .should().resideOutsideOfPackage("org.firebreak.shared.web").check(FIREBREAK);
    }
}
