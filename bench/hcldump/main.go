// hcldump: parses .tf/.tfvars files with HashiCorp's hclsyntax and prints, one JSON line per file, the
// structure the differential check (bench/hcl-diff.mjs) compares with our parser: attributes and blocks
// with their lines, each expression reduced to a canonical shape, and the syntax errors' lines.
// Built from Debian's golang-github-hashicorp-hcl-v2-dev (GOPATH mode, no module download).
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

type lines struct{ starts []int }

func newLines(src []byte) *lines {
	l := &lines{starts: []int{0}}
	for i, c := range src {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// line is the 1-based line of a byte offset.
func (l *lines) line(b int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > b })
}

func (l *lines) span(r hcl.Range) []int {
	end := r.End.Byte - 1
	if end < r.Start.Byte {
		end = r.Start.Byte
	}
	return []int{l.line(r.Start.Byte), l.line(end)}
}

var ops = map[*hclsyntax.Operation]string{
	hclsyntax.OpLogicalOr: "||", hclsyntax.OpLogicalAnd: "&&", hclsyntax.OpEqual: "==",
	hclsyntax.OpNotEqual: "!=", hclsyntax.OpLessThan: "<", hclsyntax.OpGreaterThan: ">",
	hclsyntax.OpLessThanOrEqual: "<=", hclsyntax.OpGreaterThanOrEqual: ">=", hclsyntax.OpAdd: "+",
	hclsyntax.OpSubtract: "-", hclsyntax.OpMultiply: "*", hclsyntax.OpDivide: "/", hclsyntax.OpModulo: "%",
	hclsyntax.OpNegate: "-", hclsyntax.OpLogicalNot: "!",
}

func root(e hclsyntax.Expression) string {
	switch x := e.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return "r:" + x.Traversal.RootName()
	case *hclsyntax.RelativeTraversalExpr:
		return root(x.Source)
	case *hclsyntax.IndexExpr:
		return root(x.Collection)
	case *hclsyntax.SplatExpr:
		return "sp"
	}
	return "x"
}

func list(es []hclsyntax.Expression) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = canon(e)
	}
	return strings.Join(parts, ",")
}

// canon reduces an expression to the shape both parsers can be compared on.
func canon(e hclsyntax.Expression) string {
	switch x := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		v := x.Val
		if v.IsNull() {
			return "null"
		}
		switch v.Type() {
		case cty.Number:
			if f := v.AsBigFloat(); f.IsInt() {
				i, _ := f.Int(nil)
				return "n:" + i.String()
			}
			return "n:" + v.AsBigFloat().Text('g', -1)
		case cty.Bool:
			return fmt.Sprintf("b:%v", v.True())
		case cty.String:
			return "s"
		}
		return "lit"
	case *hclsyntax.TemplateExpr:
		for _, p := range x.Parts {
			if _, ok := p.(*hclsyntax.LiteralValueExpr); !ok {
				return "t"
			}
		}
		return "s"
	case *hclsyntax.TemplateWrapExpr:
		return "t"
	case *hclsyntax.ScopeTraversalExpr, *hclsyntax.RelativeTraversalExpr, *hclsyntax.IndexExpr, *hclsyntax.SplatExpr:
		return root(e)
	case *hclsyntax.FunctionCallExpr:
		s := "c:" + x.Name + "(" + list(x.Args) + ")"
		if x.ExpandFinal {
			s += "..."
		}
		return s
	case *hclsyntax.ConditionalExpr:
		return "?(" + canon(x.Condition) + "," + canon(x.TrueResult) + "," + canon(x.FalseResult) + ")"
	case *hclsyntax.BinaryOpExpr:
		return ops[x.Op] + "(" + canon(x.LHS) + "," + canon(x.RHS) + ")"
	case *hclsyntax.UnaryOpExpr:
		return "u" + ops[x.Op] + "(" + canon(x.Val) + ")"
	case *hclsyntax.TupleConsExpr:
		return "[" + list(x.Exprs) + "]"
	case *hclsyntax.ObjectConsExpr:
		vals := make([]hclsyntax.Expression, len(x.Items))
		for i, it := range x.Items {
			vals[i] = it.ValueExpr
		}
		return "{" + list(vals) + "}"
	case *hclsyntax.ForExpr:
		s := "for["
		if x.KeyExpr != nil {
			s = "for{" + canon(x.KeyExpr) + "=>"
		}
		s += canon(x.ValExpr)
		if x.CondExpr != nil {
			s += " if " + canon(x.CondExpr)
		}
		if x.Group {
			s += "..."
		}
		return s + " in " + canon(x.CollExpr) + "]"
	case *hclsyntax.ParenthesesExpr:
		return canon(x.Expression)
	}
	return fmt.Sprintf("?%T", e)
}

func body(b *hclsyntax.Body, l *lines) map[string]interface{} {
	attrs := make([]*hclsyntax.Attribute, 0, len(b.Attributes))
	for _, a := range b.Attributes {
		attrs = append(attrs, a)
	}
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].SrcRange.Start.Byte < attrs[j].SrcRange.Start.Byte })
	as := []interface{}{}
	for _, a := range attrs {
		sp := l.span(a.SrcRange)
		as = append(as, []interface{}{a.Name, sp[0], sp[1], canon(a.Expr)})
	}
	bs := []interface{}{}
	for _, blk := range b.Blocks {
		r := hcl.RangeBetween(blk.TypeRange, blk.CloseBraceRange)
		sp := l.span(r)
		bs = append(bs, []interface{}{blk.Type, blk.Labels, sp[0], sp[1], body(blk.Body, l)})
	}
	return map[string]interface{}{"a": as, "b": bs}
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, dir := range os.Args[1:] {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tfvars")) {
				return nil
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			l := newLines(src)
			f, diags := hclsyntax.ParseConfig(src, p, hcl.Pos{Line: 1, Column: 1})
			errs := []interface{}{}
			for _, d := range diags {
				if d.Severity == hcl.DiagError {
					line := 0
					if d.Subject != nil {
						line = d.Subject.Start.Line
					}
					errs = append(errs, []interface{}{line, d.Summary + ": " + d.Detail})
				}
			}
			rec := map[string]interface{}{"file": p, "errors": errs}
			if f != nil {
				if b, ok := f.Body.(*hclsyntax.Body); ok {
					rec["body"] = body(b, l)
				}
			}
			j, _ := json.Marshal(rec)
			out.Write(j)
			out.WriteString("\n")
			return nil
		})
	}
}
