/*
 Copyright (c) 2011+, HL7, Inc.
 All rights reserved.

 Redistribution and use in source and binary forms, with or without modification,
 are permitted provided that the following conditions are met:

* Redistributions of source code must retain the above copyright notice, this
    list of conditions and the following disclaimer.
* Redistributions in binary form must reproduce the above copyright notice,
    this list of conditions and the following disclaimer in the documentation
    and/or other materials provided with the distribution.
* Neither the name of HL7 nor the names of its contributors may be used to
    endorse or promote products derived from this software without specific
    prior written permission.

 THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED.
 IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT,
 INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT
 NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR
 PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY,
 WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE)
 ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE
 POSSIBILITY OF SUCH DAMAGE.

 The public API and the table of OID URIs are HL7's (org.hl7.fhir.utilities 6.6.7); the sharing of
 the registry is Lintas' change (ADR 0011).
*/
package org.hl7.fhir.utilities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.exceptions.FHIRException;

/**
 * Lintas' patch of org.hl7.fhir.utilities 6.6.7's {@code OIDUtilities} (ADR 0011): the same public API
 * and answers, but the OID registry ({@code oidregistry.csv}, 1.5 MB in the utilities jar) is parsed
 * once per JVM instead of once per instance. HL7's {@code InstanceValidator} builds one instance in its
 * constructor, and HAPI's {@code FhirInstanceValidator} builds an {@code InstanceValidator} for every
 * validation, so upstream every validation re-read the registry: a quarter of the hub's CPU in a
 * profile. Nothing in the core writes to the map, so one immutable copy serves every instance.
 *
 * <p>This class shadows the jar's own because {@code lintas-contracts} comes before the transitive
 * {@code org.hl7.fhir.utilities} on every classpath of the product; {@code OidRegistryPatchTest}
 * fails when the jar's class is the one loaded or when the answers differ from the registry. Remove
 * the patch when upstream shares the registry (check on every org.hl7.fhir.core upgrade).
 *
 * <p>For benchmarks only, {@code -Dlintas.oid-registry.per-instance=true} restores upstream's cost.
 */
public class OIDUtilities {

    private static final String OID_REGEX = "[0-2](\\.(0|[1-9][0-9]*))+";
    private static final String PER_INSTANCE = "lintas.oid-registry.per-instance";
    private static final AtomicInteger LOADS = new AtomicInteger();

    private final Map<String, OIDInfo> oidMap;

    /** One line of the registry: an OID, its type, its symbolic name and its code system. */
    public static class OIDInfo {
        private String oid;
        private String name;
        private String codeSystem;
        private Integer type;

        public String getOid() {
            return oid;
        }

        public void setOid(String oid) {
            this.oid = oid;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getCodeSystem() {
            return codeSystem;
        }

        public void setCodeSystem(String codeSystem) {
            this.codeSystem = codeSystem;
        }

        public Integer getType() {
            return type;
        }

        public void setType(Integer type) {
            this.type = type;
        }

        @Override
        public String toString() {
            return "OID: " + oid + ", Name: " + name + ", CodeSystem: " + codeSystem + ", Type: " + type;
        }
    }

    /** Parsed on first use, by whichever thread gets there first; the class-holder idiom makes it safe. */
    private static final class Registry {
        static final Map<String, OIDInfo> SHARED = Map.copyOf(load());
    }

    public OIDUtilities() {
        oidMap = Boolean.getBoolean(PER_INSTANCE) ? load() : Registry.SHARED;
    }

    /** How often this JVM has parsed the registry (for the patch's test and benchmark). */
    public static int registryLoads() {
        return LOADS.get();
    }

    private static Map<String, OIDInfo> load() throws FHIRException {
        LOADS.incrementAndGet();
        Map<String, OIDInfo> map = new HashMap<>();
        try (InputStream in = OIDUtilities.class.getClassLoader().getResourceAsStream("oidregistry.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // the header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.split(",");
                if (parts.length >= 4) {
                    OIDInfo info = new OIDInfo();
                    info.setOid(parts[0].trim());
                    info.setType(Integer.parseInt(parts[1].trim()));
                    info.setName(parts[2].trim());
                    info.setCodeSystem(parts[3].trim());
                    map.put(info.getOid(), info);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new FHIRException(e);
        }
        return map;
    }

    public static String getUriForOid(String r) {
        if (r == null) {
            return null;
        }
        return switch (r) {
            case "2.16.840.1.113883.6.96" -> "http://snomed.info/sct";
            case "2.16.840.1.113883.6.1" -> "http://loinc.org";
            case "2.16.840.1.113883.6.8" -> "http://unitsofmeasure.org";
            case "2.16.840.1.113883.6.3" -> "http://hl7.org/fhir/sid/icd-10";
            case "2.16.840.1.113883.6.42", "2.16.840.1.113883.6.104", "2.16.840.1.113883.6.103" ->
                "http://hl7.org/fhir/sid/icd-9";
            case "2.16.840.1.113883.6.73" -> "http://www.whocc.no/atc";
            case "2.16.840.1.113883.3.26.1.1", "2.16.840.1.113883.3.26.1.1.1" -> "http://ncimeta.nci.nih.gov";
            case "2.16.840.1.113883.6.88" -> "http://www.nlm.nih.gov/research/umls/rxnorm";
            case "2.16.840.1.113883.6.59", "2.16.840.1.113883.12.292" -> "http://hl7.org/fhir/sid/cvx";
            case "2.16.840.1.113883.6.12" -> "http://www.ama-assn.org/go/cpt";
            default -> null;
        };
    }

    public static String oidTail(String id) {
        if (id == null || !id.contains(".")) {
            return id;
        }
        return id.substring(id.lastIndexOf(".") + 1);
    }

    public static String oidRoot(String id) {
        if (id == null || !id.contains(".")) {
            return id;
        }
        return id.substring(0, id.indexOf("."));
    }

    public static boolean isValidOID(String oid) {
        return oid.matches(OID_REGEX);
    }

    public boolean isKnownOID(String url) {
        if (url == null || !url.startsWith("urn:oid:")) {
            return false;
        }
        return oidMap.containsKey(url.substring(8));
    }
}
