package org.waldur.portal.desk;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The status counters on H2, kept by the Java trigger. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc // shares the context of the other page tests
class StatusCounterH2Tests extends StatusCounterContract {

}
