// goparse: the Go hclsyntax parse-only baseline of npm run bench (the program ../shared/perf/ratio.sh builds):
// parses every .tf/.tfvars under a folder and prints the bytes and the seconds spent parsing.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func main() {
	var files []string
	filepath.WalkDir(os.Args[1], func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tfvars")) {
			files = append(files, p)
		}
		return nil
	})
	start, n := time.Now(), 0
	for _, f := range files {
		src, _ := os.ReadFile(f)
		n += len(src)
		hclsyntax.ParseConfig(src, f, hcl.Pos{Line: 1, Column: 1})
	}
	fmt.Printf("%d %.6f\n", n, time.Since(start).Seconds())
}
