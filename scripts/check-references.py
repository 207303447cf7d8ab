#!/usr/bin/env python3
"""Every reference in the repository's code and docs resolves inside the repository.

Checks, in the tracked text files below ROOT (default: the checkout this script is in):
  - relative Markdown links ([text](path) and [text](path#anchor)): the file exists, and for a Markdown target the
    anchor is one of its headings (GitHub's spelling: lower case, punctuation dropped, spaces to hyphens);
  - file paths named in docs and comments (`docs/upstream.md#flood-mode`, src/main/kubernetes/kubernetes.yml, ...):
    each exists relative to the root, the file's directory or the file's module (its first directory), and its
    anchor too; paths below target/ (build output) and upstream's (samples/..., platform/...) are not this
    repository's and are skipped;
  - no citation of what the repository does not hold: a Markdown file named without a directory that exists
    nowhere in the checkout, a section number after a Markdown file name or a section sign,
    an issue number ("issue 12", "#12").
Prints one line per broken reference (FILE:LINE: what) and exits 1 if there is any, 0 otherwise.

Usage: scripts/check-references.py [ROOT]
"""
import os
import re
import subprocess
import sys

# Docs, code and configuration; not raw measurement output (bench/results' .txt profiles and memory reports).
TEXT_SUFFIXES = ('.md', '.java', '.properties', '.yml', '.yaml', '.xml', '.sh', '.py', '.options', '.html', '.css',
                 '.js', '.env', '.example', '.conf', '.json', '.toml', '.cfg')
TEXT_NAMES = ('Dockerfile', 'run', 'mvnw', '.editorconfig', '.gitignore')
SKIP_DIRS = ('target', '.git', 'node_modules', '.mvn')
# Upstream Bookinfo's tree (istio/istio samples/bookinfo and its platform/ manifests), cited on purpose.
UPSTREAM_PREFIXES = ('samples/', 'platform/', 'src/ratings/', 'src/reviews/', 'src/details/', 'src/productpage/',
                     'istio/istio/', 'networking/', 'bookinfo/')

# A Markdown file named without a directory: it must exist somewhere in the checkout.
BARE_DOC = re.compile(r'(?<![\w./-])([A-Za-z0-9_-]+\.md)\b(?![\w/])')
MARKDOWN_LINK = re.compile(r'!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)')
# A path with at least one directory and a file name with a known ending, optionally with #anchor.
PATH = re.compile(r'(?<![\w./:$@{<-])((?:\.\.?/)*(?:[A-Za-z0-9_.-]+/)+[A-Za-z0-9_.-]+\.'
                  r'(?:md|java|properties|ya?ml|sh|py|xml|options|html|css|js|env|example|json|toml|sql))'
                  r'(#[a-z0-9-]+)?(?![\w/])')
# Paths that are not files of this repository although they look like ones: (file, path) -> why.
NOT_OURS = {
    ('bench/README.md', 'results/jvm-dev.md'): 'what a development run with --label dev writes',
    ('istio/README.md', 'security/bookinfo-policy.yaml'): "a file of the seed repository auth0-blog/istio-auth0",
}
# Every path in these files is upstream's.
UPSTREAM_DOCS = ('docs/upstream.md',)
COMMENT = re.compile(r'^\s*(#|//|/?\*|<!--|--)')
CITATIONS = [
    # Section numbers after a Markdown file name or a section sign: a reader of this repository has no numbered sections.
    (re.compile(r'\b[\w-]+\.md\s*§?\s*\d+(\.\d+)*\b|§\s*\d+(\.\d+)*'),
     "cites a section of a document; link the repository's own file instead"),
    (re.compile(r'\bissues?\s+#?\d+\b', re.I), 'cites an issue number; say what it means instead'),
    (re.compile(r'(?:^|[\s(\[,;])#\d{1,4}\b(?![-\w]|\.\d)'), 'cites an issue number; say what it means instead'),
]
# CSS colours (#111827) are not issue numbers.
CITATION_EXEMPT_SUFFIXES = ('.css', '.svg', '.html')


# The checker and its test spell out what they look for.
CHECKER_FILES = ('scripts/check-references.py', 'deploy/src/test/java/dev/bookinfo/deploy/RepositoryReferencesTest.java')


def tracked_files(root):
    try:
        out = subprocess.run(['git', '-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
                             check=True, capture_output=True).stdout
        files = [f for f in out.decode().split('\0') if f]
        if files:
            return [f for f in files if os.path.isfile(os.path.join(root, f))]
    except (OSError, subprocess.CalledProcessError):
        pass
    files = []
    for directory, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        for name in names:
            files.append(os.path.relpath(os.path.join(directory, name), root))
    return files


def ignored(root, paths):
    """The paths git ignores: build output and files a user creates (istio/auth0.env from its .example)."""
    if not paths:
        return set()
    try:
        out = subprocess.run(['git', '-C', root, 'check-ignore', '--no-index', '--stdin', '-z'],
                             input='\0'.join(paths).encode(), capture_output=True).stdout
        return set(p for p in out.decode().split('\0') if p)
    except OSError:
        return set()


def is_text(path):
    name = os.path.basename(path)
    return path.endswith(TEXT_SUFFIXES) or name in TEXT_NAMES or name.startswith('Dockerfile')


def slug(heading):
    text = re.sub(r'`|\*|_(?=\W)|(?<=\W)_|\[|\]\([^)]*\)', '', heading.strip().lower())
    text = re.sub(r'[^\w\- ]', '', text)
    return text.replace(' ', '-')


def anchors(root, path, cache):
    if path not in cache:
        found = set()
        in_fence = False
        with open(os.path.join(root, path), encoding='utf-8', errors='replace') as f:
            for line in f:
                if line.lstrip().startswith('```'):
                    in_fence = not in_fence
                elif not in_fence and re.match(r'#{1,6}\s', line):
                    base = slug(line.lstrip('#'))
                    name, n = base, 1
                    while name in found:
                        name, n = f'{base}-{n}', n + 1
                    found.add(name)
                for explicit in re.findall(r'<a (?:name|id)="([^"]+)"', line):
                    found.add(explicit)
        cache[path] = found
    return cache[path]


def main(argv):
    root = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), '..'))
    files = tracked_files(root)
    existing = set(files)
    for f in files:
        parts = f.split('/')
        existing.update('/'.join(parts[:i]) for i in range(1, len(parts)))
    basenames = {os.path.basename(f) for f in files}
    anchor_cache = {}
    problems = []
    modules = sorted({f.split('/')[0] for f in files if '/' in f})
    missing = []

    def resolve(candidates):
        for candidate in candidates:
            normal = os.path.normpath(candidate).replace(os.sep, '/')
            if normal in existing:
                return normal
        return None

    def check_anchor(where, target, anchor):
        if anchor and target.endswith('.md') and anchor not in anchors(root, target, anchor_cache):
            problems.append(f'{where}: {target}#{anchor}: no such heading')

    for f in sorted(files):
        if not is_text(f) or f in CHECKER_FILES:
            continue
        directory = os.path.dirname(f)
        module = f.split('/')[0] if '/' in f else ''
        with open(os.path.join(root, f), encoding='utf-8', errors='replace') as handle:
            lines = handle.read().split('\n')
        for number, line in enumerate(lines, 1):
            where = f'{f}:{number}'
            if f.endswith('.md'):
                for link in MARKDOWN_LINK.findall(line):
                    if re.match(r'^[a-z][a-z0-9+.-]*:', link, re.I):
                        continue
                    target, _, anchor = link.partition('#')
                    if not target:
                        check_anchor(where, f, anchor)
                        continue
                    found = resolve([os.path.join(directory, target)])
                    if found is None:
                        problems.append(f'{where}: link to {link}: no such file')
                    else:
                        check_anchor(where, found, anchor)
            # Paths in docs and in comments (code names runtime paths too, such as Keycloak's bin/kc.sh).
            if f.endswith('.md') or COMMENT.match(line):
                # A Markdown link's target is checked above, as a link.
                for match in PATH.finditer(re.sub(r'\]\([^)]*\)', ']()', line)):
                    path, anchor = match.group(1), (match.group(2) or '')[1:]
                    before = line[:match.start()]
                    if ('target/' in path or path.startswith('...') or path.startswith(UPSTREAM_PREFIXES) or f in UPSTREAM_DOCS
                            or (f, path) in NOT_OURS or re.search(r'[a-z]+://\S*$', before)):
                        continue
                    candidates = [path, os.path.join(directory, path), path + '.example']
                    candidates += [os.path.join(m, path) for m in modules]
                    # A classpath resource (META-INF/...) of this or another module.
                    candidates += [os.path.join(m, 'src/main/resources', path) for m in [module] + modules if m]
                    found = resolve(candidates)
                    if found is None:
                        missing.append((where, path, [os.path.normpath(c) for c in candidates[:2]]))
                    else:
                        check_anchor(where, found, anchor)
            if f.endswith('.md') or COMMENT.match(line):
                for name in BARE_DOC.findall(re.sub(r'\]\([^)]*\)', ']()', line)):
                    if name not in basenames:
                        problems.append(f'{where}: "{name}" names a document the repository does not hold')
            if not f.endswith(CITATION_EXEMPT_SUFFIXES):
                # A citation may break across a line ("(§" / "5.3)"): this line with the next one's text.
                following = lines[number] if number < len(lines) else ''
                joined = line + ' ' + COMMENT.sub('', following).strip()
                for pattern, message in CITATIONS:
                    hit = pattern.search(joined)
                    if hit and hit.start() < len(line):
                        problems.append(f'{where}: "{hit.group(0).strip()}" {message}')
    generated = ignored(root, sorted({c for _, _, cs in missing for c in cs if not c.startswith('..')}))
    problems += [f'{where}: {path}: no such file in the repository'
                 for where, path, cs in missing if not generated.intersection(cs)]
    for problem in sorted(problems):
        print(problem)
    print(f'check-references: {len(problems)} broken reference(s) in {len(files)} files', file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
