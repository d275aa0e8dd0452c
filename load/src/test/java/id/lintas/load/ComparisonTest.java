package id.lintas.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static Row row(String system, String entry, double delivered, double cpu) {
        return new Row(
                system,
                entry,
                16,
                delivered,
                delivered,
                new long[3],
                new long[3],
                100,
                0,
                0,
                cpu,
                2.0,
                0.5,
                1.0,
                400,
                280,
                1024);
    }

    @Test
    void eachLineHasItsMedianAndRangePerJarAndBAgainstA() {
        String[] lines = Comparison.format(List.of(
                        row("hubA#1", "kukar-http", 114, 13.3),
                        row("hubB#1", "kukar-http", 132, 11.4),
                        row("hubB#2", "kukar-http", 89, 17.5),
                        row("hubA#2", "kukar-http", 98, 16.1),
                        row("hubA#3", "kukar-http", 120, 12.0),
                        row("hubB#3", "kukar-http", 100, 15.0),
                        row("baseline", "kukar-http", 504, 3.4)))
                .split("\n");

        assertThat(lines).hasSize(2);
        assertThat(lines[1])
                .startsWith("kukar-http c=16")
                .contains(" 3/3 ")
                .contains("114 (98.0-120)")
                .contains("100 (89.0-132)")
                .contains("13.3 (12.0-16.1)")
                .endsWith("0.88");
    }

    @Test
    void storedSizesAreLinesOfTheirOwnAndAJarWithoutRowsIsADash() {
        String[] lines = Comparison.format(
                        List.of(row("hubA#1", "jakarta-fhir", 100, 10), row("hubA+1000#1", "jakarta-fhir", 90, 11)))
                .split("\n");

        assertThat(lines).hasSize(3);
        assertThat(lines[1])
                .startsWith("jakarta-fhir c=16 ")
                .doesNotContain("stored")
                .endsWith("-");
        assertThat(lines[2]).startsWith("jakarta-fhir c=16 stored 1000").contains(" 1/0 ");
    }
}
