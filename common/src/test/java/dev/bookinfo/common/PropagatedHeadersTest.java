package dev.bookinfo.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PropagatedHeadersTest {

    @Test
    void listsTheTwentyHeadersOfTheContractInLowerCase() {
        assertEquals(20, PropagatedHeaders.NAMES.size());
        PropagatedHeaders.NAMES.forEach(name -> assertEquals(name.toLowerCase(), name));
    }

    @Test
    void comparesNamesWithoutRegardToCase() {
        assertTrue(PropagatedHeaders.isPropagated("X-Request-ID"));
        assertTrue(PropagatedHeaders.isPropagated("Authorization"));
        assertFalse(PropagatedHeaders.isPropagated("b3"));
        assertFalse(PropagatedHeaders.isPropagated("host"));
        assertFalse(PropagatedHeaders.isPropagated(null));
    }
}
