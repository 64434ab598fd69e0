package org.firebreak.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A contract's creation bytecode, constructor signature and custom errors, read from the npm packages: hardhat artifacts
 * ({@code abi}, {@code bytecode}) of {@code @account-abstraction/contracts}, and the {@code const abi = [...]} /
 * {@code const bytecode = "0x..."} modules of {@code @metamask/delegation-abis}.
 */
record ContractArtifact(String name, String bytecode, List<String> constructorTypes, List<String> errors) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern BYTECODE = Pattern.compile("\"(0x[0-9a-fA-F_$]+)\"");

    static ContractArtifact accountAbstraction(DevnetHome home, String contract) {
        return accountAbstraction(home, org.firebreak.chain.EntryPointVersion.V07, contract);
    }

    /** A contract of that release of {@code @account-abstraction/contracts}. */
    static ContractArtifact accountAbstraction(DevnetHome home, org.firebreak.chain.EntryPointVersion release,
            String contract) {
        Path file = home.accountAbstractionArtifact(release, contract);
        JsonNode artifact = json(file, read(file));
        return new ContractArtifact(contract, artifact.path("bytecode").asString(""), constructorTypes(file, artifact.path("abi")),
                errors(artifact.path("abi")));
    }

    static ContractArtifact delegationFramework(DevnetHome home, String contract) {
        Path abiFile = home.delegationAbi(contract);
        String abiModule = read(abiFile);
        int start = abiModule.indexOf('[');
        int end = abiModule.lastIndexOf(']');
        if (start < 0 || end < start) {
            throw new DevnetFailure(abiFile + " has no ABI array: " + DevnetHome.NPM_HINT);
        }
        JsonNode abi = json(abiFile, abiModule.substring(start, end + 1));
        Path bytecodeFile = home.delegationBytecode(contract);
        Matcher bytecode = BYTECODE.matcher(read(bytecodeFile));
        return new ContractArtifact(contract, bytecode.find() ? bytecode.group(1) : "", constructorTypes(abiFile, abi),
                errors(abi));
    }

    ContractArtifact {
        if (!bytecode.startsWith("0x") || bytecode.length() < 4) {
            throw new DevnetFailure("no creation bytecode for " + name + ": " + DevnetHome.NPM_HINT);
        }
    }

    /**
     * Links a deployed library: solc leaves {@code __$<34 hex of keccak256(fully qualified name)>$__} where the
     * library's address goes.
     */
    ContractArtifact linked(String libraryName, String address) {
        String placeholder = "__$" + Hash.sha3String(libraryName).substring(2, 36) + "$__";
        if (!bytecode.contains(placeholder)) {
            throw new DevnetFailure(name + " does not link library " + libraryName + ": the npm artifact changed");
        }
        return new ContractArtifact(name, bytecode.replace(placeholder, Numeric.cleanHexPrefix(address).toLowerCase(Locale.ROOT)),
                constructorTypes, errors);
    }

    /** Creation code followed by the ABI-encoded constructor arguments, checked against the artifact's ABI. */
    String creationCode(List<Type> arguments) {
        if (bytecode.contains("__$")) {
            throw new DevnetFailure(name + " needs a library linked first: " + bytecode.substring(bytecode.indexOf("__$")).substring(0, 40));
        }
        List<String> given = arguments.stream().map(Type::getTypeAsString).toList();
        if (!given.equals(constructorTypes)) {
            throw new DevnetFailure(name + "'s constructor takes " + constructorTypes + ", the devnet passes " + given
                    + ": the npm artifact changed");
        }
        return bytecode + (arguments.isEmpty() ? "" : FunctionEncoder.encodeConstructor(arguments));
    }

    private static List<String> constructorTypes(Path file, JsonNode abi) {
        List<String> types = new ArrayList<>();
        for (JsonNode entry : abi) {
            if ("constructor".equals(entry.path("type").asString(""))) {
                entry.path("inputs").forEach(input -> types.add(input.path("type").asString("")));
            }
        }
        if (!abi.isArray()) {
            throw new DevnetFailure(file + " has no ABI: " + DevnetHome.NPM_HINT);
        }
        return List.copyOf(types);
    }

    /** The custom errors the ABI declares, as signatures such as {@code InvalidDelegate()}. */
    private static List<String> errors(JsonNode abi) {
        List<String> errors = new ArrayList<>();
        for (JsonNode entry : abi) {
            if ("error".equals(entry.path("type").asString(""))) {
                List<String> types = new ArrayList<>();
                entry.path("inputs").forEach(input -> types.add(input.path("type").asString("")));
                errors.add(entry.path("name").asString("") + "(" + String.join(",", types) + ")");
            }
        }
        return List.copyOf(errors);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new DevnetFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode json(Path file, String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new DevnetFailure(file + " is not valid JSON: " + DevnetHome.NPM_HINT, e);
        }
    }
}
