package id.lintas.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void eachCaseGetsItsOwnNikSerialKeepingRegionDistrictAndBirthDigits() {
        assertThat(Workload.withNik("\"nik\":\"6409015203990002\"", 1)).isEqualTo("\"nik\":\"6409015203990001\"");
        assertThat(Workload.withNik("\"nik\":\"6409015203990002\"", 1234)).isEqualTo("\"nik\":\"6409015203991234\"");
        assertThat(Workload.withNik("x;6402066811970001;22/07/2025", 10_000))
                .isEqualTo("x;6402066811970001;22/07/2025");
    }

    @Test
    void shorterAndLongerNumbersAreLeftAlone() {
        assertThat(Workload.withNik("123456789012345 12345678901234567", 5))
                .isEqualTo("123456789012345 12345678901234567");
    }
}
