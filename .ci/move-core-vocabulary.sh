#!/usr/bin/env bash
# One-off refactoring for issue 31 (part 5): moves the user vocabulary of the spi module (tensors,
# layouts, fill modes, interpolation, element types and the option-name rule they parse with) from
# io.jdatagen.spi into io.jdatagen.core, a package of the same module (artifact jdatagen-spi) that
# users import. io.jdatagen.spi keeps the kernels, plans, providers and availability.
#
# Run it from anywhere inside a checkout, on a clean tree, then build and commit:
#   .ci/move-core-vocabulary.sh && mvn -o -q -DskipTests package
# It refuses to run twice (when io.jdatagen.core exists or Tensor is no longer in spi).
#
# What it does:
#  1. git mv of the classes below (and their unit tests) into io.jdatagen.core, package line rewritten;
#     a package-info.java for the new package.
#  2. Every git-tracked text file (sources of every module and integration, README.md, docs/,
#     .ci/): fully qualified names io.jdatagen.spi.<Moved> become io.jdatagen.core.<Moved> (imports,
#     static imports, {@link}s, code); runs of plain imports it changed are re-sorted.
#  3. Classes of package io.jdatagen.spi (main and test, any module) that used a moved type by its
#     simple name (same package before the move) get an import of it; classes of io.jdatagen.core
#     that used a class left in io.jdatagen.spi get an import of it and are reported (core must
#     not depend on spi: the run fails if one does).
#  4. spi's module-info.java exports io.jdatagen.core; the ArchUnit rules that list
#     "io.jdatagen.spi.." as an allowed dependency allow "io.jdatagen.core.." too, and a rule that
#     core depends on the JDK only is added (property-tests, CoreVocabularyTest).
set -euo pipefail

root=$(git rev-parse --show-toplevel)
cd "$root"
spi=spi/src/main/java/io/jdatagen/spi
core=spi/src/main/java/io/jdatagen/core
spiTest=spi/src/test/java/io/jdatagen/spi
coreTest=spi/src/test/java/io/jdatagen/core
moved=(Tensor DenseTensor BufferTensor DataFormat FillMode Interpolation ElementType HalfFloat OptionNames)
movedTests=(TensorTest BufferTensorTest OptionNamesTest)

if [ -e "$core" ] || [ ! -e "$spi/Tensor.java" ]; then
  echo "move-core-vocabulary: already applied ($core exists or $spi/Tensor.java is gone); nothing done" >&2
  exit 1
fi
for c in "${moved[@]}"; do
  [ -e "$spi/$c.java" ] || { echo "move-core-vocabulary: $spi/$c.java is missing; nothing done" >&2; exit 1; }
done
if ! git diff --quiet || ! git diff --cached --quiet; then
  echo "move-core-vocabulary: the tree has uncommitted changes; commit or stash them first" >&2
  exit 1
fi

# 1. Move the classes and their tests.
mkdir -p "$core" "$coreTest"
for c in "${moved[@]}"; do
  git mv "$spi/$c.java" "$core/$c.java"
done
for t in "${movedTests[@]}"; do
  if [ -e "$spiTest/$t.java" ]; then
    git mv "$spiTest/$t.java" "$coreTest/$t.java"
  fi
done
cat > "$core/package-info.java" <<'EOF'
/**
 * The vocabulary of every jdatagen program: tensors ({@link io.jdatagen.core.Tensor}, a heap
 * float32 array; {@link io.jdatagen.core.BufferTensor}, direct memory a framework adopts; both a
 * {@link io.jdatagen.core.DenseTensor}), their {@link io.jdatagen.core.ElementType}s, image layouts
 * ({@link io.jdatagen.core.DataFormat}), {@link io.jdatagen.core.FillMode}s,
 * {@link io.jdatagen.core.Interpolation} orders, and the one rule by which string options name them
 * ({@link io.jdatagen.core.OptionNames}). Users import these; backends and their plans live in
 * {@code io.jdatagen.spi}, which depends on this package and never the other way round. Depends on
 * {@code java.base} only.
 */
package io.jdatagen.core;
EOF
git add "$core/package-info.java"

# 2-4. Rewrite references, add imports, export the package, widen the architecture rules.
MOVED="${moved[*]}" python3 - <<'PY'
import os, re, subprocess, sys

moved = os.environ["MOVED"].split()
root = os.getcwd()
spi_main = "spi/src/main/java/io/jdatagen/spi"
core_main = "spi/src/main/java/io/jdatagen/core"

def text_files():
    out = subprocess.run(["git", "ls-files", "-z"], capture_output=True, check=True).stdout.decode()
    for path in out.split("\0"):
        if not path or path == ".ci/move-core-vocabulary.sh" or not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            data = f.read()
        if b"\0" in data:
            continue
        try:
            yield path, data.decode("utf-8")
        except UnicodeDecodeError:
            continue

qualified = re.compile(r"\bio\.jdatagen\.spi\.(" + "|".join(moved) + r")\b")

def sorted_imports(text):
    """Each run of consecutive plain import lines sorted (and deduplicated), as the sources keep them."""
    lines = text.split("\n")
    out, run = [], []
    for line in lines + [None]:
        if line is not None and line.startswith("import ") and not line.startswith("import static "):
            run.append(line)
            continue
        out.extend(sorted(set(run)))
        run = []
        if line is not None:
            out.append(line)
    return "\n".join(out)

changed = 0
for path, text in text_files():
    new = qualified.sub(r"io.jdatagen.core.\1", text)
    if new != text:
        new = sorted_imports(new)
    if path.endswith(".java") and "/io/jdatagen/core/" in path:
        new = new.replace("package io.jdatagen.spi;", "package io.jdatagen.core;", 1)
    if new != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
        changed += 1
print(f"move-core-vocabulary: qualified names rewritten in {changed} files")

def add_imports(path, names, package):
    """Adds 'import package.Name;' for each name, in the sorted block of plain imports."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    present = {l.strip() for l in lines}
    wanted = [f"import {package}.{n};" for n in sorted(names) if f"import {package}.{n};" not in present]
    if not wanted:
        return
    for imp in wanted:
        plain = [i for i, l in enumerate(lines) if l.startswith("import ") and not l.startswith("import static ")]
        later = [i for i in plain if lines[i] > imp]
        if later:
            lines.insert(later[0], imp)
        elif plain:
            lines.insert(plain[-1] + 1, imp)
        else:
            statics = [i for i, l in enumerate(lines) if l.startswith("import static ")]
            if statics:
                lines[statics[-1] + 1:statics[-1] + 1] = ["", imp]
            else:
                pkg = next(i for i, l in enumerate(lines) if l.startswith("package "))
                lines[pkg + 1:pkg + 1] = ["", imp]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))

def uses(text, name):
    body = "\n".join(l for l in text.split("\n") if not l.startswith(("package ", "import ")))
    return re.search(r"(?<![\w.])" + name + r"\b", body) is not None

def java_files_of_package(package):
    suffix = "/" + package.replace(".", "/")
    for base, _, files in os.walk("."):
        if "/target" in base or "/.git" in base:
            continue
        if base.endswith(suffix) and "/src/" in base:
            for name in files:
                if name.endswith(".java"):
                    yield os.path.join(base, name)[2:]

# Classes left in io.jdatagen.spi that used a moved type without importing it.
for path in java_files_of_package("io.jdatagen.spi"):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    needed = [n for n in moved if uses(text, n)]
    add_imports(path, needed, "io.jdatagen.core")

# Classes now in io.jdatagen.core that used a class left in io.jdatagen.spi without importing it.
left = sorted(n[:-5] for n in os.listdir(spi_main) if n.endswith(".java") and n != "package-info.java")
offenders = []
for path in java_files_of_package("io.jdatagen.core"):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    needed = [n for n in left if uses(text, n)]
    if needed:
        add_imports(path, needed, "io.jdatagen.spi")
        if "/src/main/" in path:
            offenders.append(f"{path}: {', '.join(needed)}")

# The module exports the new package.
info = "spi/src/main/java/module-info.java"
with open(info, encoding="utf-8") as f:
    text = f.read()
if "exports io.jdatagen.core;" not in text:
    text = text.replace("    exports io.jdatagen.spi;", "    exports io.jdatagen.core;\n    exports io.jdatagen.spi;", 1)
    text = text.replace(
        "/**\n * The kernel contracts, the tensors they exchange and backend discovery:",
        "/**\n * The user vocabulary ({@code io.jdatagen.core}: tensors, layouts, fill modes, interpolation,\n"
        " * element types), the kernel contracts and backend discovery:", 1)
    with open(info, "w", encoding="utf-8") as f:
        f.write(text)

# Architecture rules: wherever spi is an allowed dependency, core is too.
arch_dir = "property-tests/src/test/java/io/jdatagen/architecture"
allowed = re.compile(r'(resideInAnyPackage\([^;]*?)"io\.jdatagen\.spi\.\."')
if os.path.isdir(arch_dir):
    for name in os.listdir(arch_dir):
        path = os.path.join(arch_dir, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        new = text
        while True:
            widened = allowed.sub(lambda m: m.group(1) + '"io.jdatagen.core..", "io.jdatagen.spi@@"', new, count=1)
            if widened == new:
                break
            new = widened
        new = new.replace('"io.jdatagen.spi@@"', '"io.jdatagen.spi.."')
        if new != text:
            with open(path, "w", encoding="utf-8") as f:
                f.write(new)
    with open(os.path.join(arch_dir, "CoreVocabularyTest.java"), "w", encoding="utf-8") as f:
        f.write('''package io.jdatagen.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The user vocabulary ({@code io.jdatagen.core}) stands on the JDK alone: no kernel, plan or provider. */
class CoreVocabularyTest {
    @Test
    void coreDependsOnTheJdkOnly() {
        JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jdatagen.core");
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("io.jdatagen.core..", "java..")
                .check(core);
    }
}
''')
    subprocess.run(["git", "add", os.path.join(arch_dir, "CoreVocabularyTest.java")], check=True)

# The module table of docs/architecture.md, where it lists spi's packages.
doc = "docs/architecture.md"
if os.path.isfile(doc):
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    new = text.replace("| `io.jdatagen.spi`, `io.jdatagen.spi.reference`",
                       "| `io.jdatagen.core`, `io.jdatagen.spi`, `io.jdatagen.spi.reference`", 1)
    if new != text:
        with open(doc, "w", encoding="utf-8") as f:
            f.write(new)

leftover = [f"{path}: {line.strip()}" for path, text in text_files()
            for line in text.split("\n") if qualified.search(line)]
if leftover:
    print("move-core-vocabulary: references left behind:", file=sys.stderr)
    for l in leftover:
        print("  " + l, file=sys.stderr)
    sys.exit(3)
if offenders:
    print("move-core-vocabulary: io.jdatagen.core must not depend on io.jdatagen.spi, but:", file=sys.stderr)
    for o in offenders:
        print("  " + o, file=sys.stderr)
    sys.exit(2)
PY

git add -u
echo "move-core-vocabulary: done and staged; now build (mvn -o -q -DskipTests package), test and commit"
