/**
 * Hand-written HCL snippets for the fast parser's differential tests: each must be accepted by the fast
 * parser and give exactly tree-sitter's AST. They also seed the mutation fuzz.
 */
export const TRICKY_SNIPPETS: Readonly<Record<string, string>> = {
  'precedence a + b * c': 'x = a + b * c\n',
  'left associativity': 'x = a - b - c / d / e\n',
  'all binary levels': 'x = a || b && c == d != e < f <= g > h >= i + j - k * l / m % n\n',
  'unary binds looser than traversal': 'x = -a.b\ny = !c[0].d\n',
  'unary binds tighter than binary': 'x = -a * b\ny = !x && y || z\nz = - -a\nw = 1 - -2\n',
  'conditional chain (HCL: the false result is the rest of the chain)': 'x = a ? b : c ? d : e\n',
  'conditional in the then branch': 'x = a ? b ? c : d : e\n',
  'long conditional chain with operations': 'x = a == 1 ? "p" : b > 2 ? c ? d : e : f || g ? h[0] : (i ? j : k) ? l : m\n',
  'comparison as condition': 'x = a == b ? 1 : 2\n',
  'conditional with operations': 'x = var.n > 1 && var.on ? var.n * 2 : -1\n',
  'parentheses': 'x = (a + b) * (c)\ny = ((1))\nz = (a).b[0]\n',
  'comments between tokens': 'x /* a */ = /* b */ a /* c */ + # d\n  b // e\n# f\ny = [ # g\n  1, // h\n  /* i */ 2\n]\n',
  'comments at line ends': 'resource "a" "b" { # open\n  x = 1 # one\n  y = "s" // two\n  /* three */\n} # close\n',
  'multi-line call': 'x = cidrsubnet(\n  var.cidr,\n  8,\n  count.index + 1,\n)\n',
  'call with expansion': 'x = merge(local.a, [local.b]...)\ny = min(var.list...)\n',
  'call without arguments': 'x = timestamp()\ny = f ()\n',
  'provider function': 'x = provider::aws::arn_parse(var.arn).account_id\n',
  'multi-line objects': 'x = {\n  a = 1\n  b = 2,\n  "c" = 3\n  d: 4\n}\n',
  'object keys as identifiers, strings and expressions': 'x = { a = 1, "b c" = 2, (local.k) = 3, true = 4, d.e = 5 }\n',
  'one-line object without commas': 'x = {a=1 b=2}\ny = {}\n',
  'tuples': 'x = [1, 2, 3,]\ny = []\nz = [\n  "a",\n  "b"\n]\n',
  'for tuple with index variable': 'x = [for i, s in var.subnets : "${i}-${s.name}" if s.public]\n',
  'for object with grouping': 'x = { for s in var.subnets : s.az => s.id... }\ny = {for k, v in var.m: k => upper(v) if v != ""}\n',
  'splats then attributes': 'x = aws_subnet.a[*].id\ny = aws_subnet.a.*.id\nz = var.l[*].a.b[0]\nw = var.l[*].a[*].b\n',
  'legacy index': 'x = x.0.y\ny = local.list.0\nz = a.0.1\n',
  'indexes': 'x = var.m["k"]\ny = local.l[count.index][0]\nz = [1, 2][0]\nw = f(x)[0].y\n',
  'numbers': 'a = 0.5\nb = 1.5e3\nc = 2.5E-2\nd = 42\ne = 0x1F\nf = 007\n',
  'literals': 'a = true\nb = false\nc = null\nd = ""\ne = "plain"\n',
  'template escapes': 'x = "q\\" b\\\\ n\\n r\\r t\\t u\\u00e9 U\\U0001F600 $${lit} %%{lit} $$ %% $ %"\n',
  'template with interpolations and escapes': 'x = "${var.a}-$${b}-\\"${upper("c")}\\""\n',
  'nested templates': 'x = "a${"b${c}d"}e"\n',
  'strip markers': 'x = "a  ${~ b ~}  c ${ d } e"\ny = "x ${~c}  "\n',
  'template directives': 'x = "%{ if var.on }on%{ else }off%{ endif }"\ny = "%{ for k, v in var.m }${k}=${v},%{ endfor }"\n',
  'directive strip markers': 'x = "%{~ if a ~} t %{~ else ~} e %{~ endif ~}"\n',
  'nested directives': 'x = "%{ for x in l }%{ if x }${x}%{ endif }%{ endfor }!"\n',
  'heredoc': 'x = <<EOF\nline one ${var.x}\n  line two\nEOF\ny = 1\n',
  'indented heredoc': 'locals {\n  x = <<-EOT\n    a\n      b ${var.y}\n    c\n  EOT\n}\n',
  'heredoc with directives': 'x = <<EOT\n%{ for s in var.l ~}\n- ${s}\n%{ endfor ~}\nEOT\n',
  'heredoc in a call': 'x = jsonencode(<<JSON\n{"a": 1}\nJSON\n)\n',
  'empty heredoc': 'x = <<EOF\nEOF\n',
  'unicode text': 'x = "héllo wörld 🚀"\n# ünïcödé comment\ny = "ü${a}ß"\n',
  'crlf file': 'resource "a" "b" {\r\n  x = "1"\r\n  y = [\r\n    1,\r\n  ]\r\n}\r\n',
  'crlf heredoc': 'x = <<EOF\r\nline\r\nEOF\r\n',
  'tabs': 'resource\t"a"\t"b"\t{\n\tx\t=\t1\n}\n',
  'empty file': '',
  'only comments': '# one\n// two\n/* three\n four */\n',
  'one-line blocks': 'b {}\nc { a = 1 }\nd "x" { e {} }\n',
  'labels quoted and bare': 'resource "aws_vpc" main {}\nprovider aws { region = "x" }\nb "${x}" "\\"q\\"" {}\n',
  'attributes on one line': 'a = 1 b = 2\n',
  'identifiers with dashes and keywords as names': 'a-b = c-d\nfor = 1\nif "x" {}\nb true {}\nx = a.for.true\n',
  'keywords as attribute names after an expression': 'a = b\nif = 1\nc = d\nfor = 2\ne = f\nin = 3\ng = h\nendif = 4\ntrue = 5\n',
  'crlf indented heredoc with tabs': 'x = <<-EOT\r\n\t\ta ${b}\r\n\t\t  c\r\n\tEOT\r\ny = 1\r\n',
  'heredoc with a line that only looks like its end': 'x = <<EOF\n  EOF2 is not the end\nEOF\n',
  'nested heredoc in an interpolation': 'x = <<A\n${join(",", [<<B\ninner\nB\n])}\nA\n',
  'empty interpolation': 'x = "a${}b"\n',
  'deep but allowed nesting': `x = ${'['.repeat(50)}1${']'.repeat(50)}\n`,
  'realistic resource': `resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(var.cidr, 8, count.index + 10)
  availability_zone = element(var.azs, count.index)

  tags = merge(var.tags, {
    Name = "\${var.name}-private-\${count.index}"
    Tier = "private"
  })

  lifecycle {
    ignore_changes = [tags["Owner"]]
  }

  depends_on = [aws_internet_gateway.igw]
}
`,
};

/** Snippets tree-sitter rejects: the fast parser must decline them. */
export const REJECTED_SNIPPETS: Readonly<Record<string, string>> = {
  'exponent without fraction (tree-sitter: error)': 'x = 1e3\n',
  'unknown escape': 'x = "\\q"\n',
  'short unicode escape': 'x = "\\u00e"\n',
  'heredoc without final newline': 'x = <<EOF\na\nEOF',
  'missing value': 'x = \n',
  'unclosed block': 'b {\n',
  'unclosed string': 'x = "abc\n',
  'double comma': 'x = [1,,2]\n',
  'ellipsis after comma': 'x = f(a, ...)\n',
};
