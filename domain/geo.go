package domain

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

// The address reference data, vendored by scripts/vendor-data.sh from
// maintained packages (npm's zipcodes, Debian's iso-codes) and embedded:
// which US ZIP codes exist and their state, and the ISO 3166-1 alpha-3
// country codes.
var (
	//go:embed geodata/us_zips.bin
	usZipBits []byte
	//go:embed geodata/us_zip_states.txt
	usZipStates string
	//go:embed geodata/countries.txt
	countryCodes string
)

type zipRun struct {
	from, to int
	state    string
}

var geo struct {
	once      sync.Once
	runs      []zipRun
	countries map[string]bool
}

func loadGeo() {
	geo.once.Do(func() {
		for _, line := range strings.Split(usZipStates, "\n") {
			f := strings.Fields(line)
			if len(f) != 3 || strings.HasPrefix(line, "#") {
				continue
			}
			geo.runs = append(geo.runs, zipRun{from: atoiDigits(f[0]), to: atoiDigits(f[1]), state: f[2]})
		}
		geo.countries = map[string]bool{}
		for _, line := range strings.Split(countryCodes, "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				geo.countries[line] = true
			}
		}
	})
}

func atoiDigits(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// ZipState returns the state of a US ZIP code (5 digits) and whether the
// ZIP code exists.
func ZipState(zip string) (string, bool) {
	if len(zip) != 5 || !AllDigits(zip) {
		return "", false
	}
	loadGeo()
	n := atoiDigits(zip)
	if n/8 >= len(usZipBits) || usZipBits[n/8]&(1<<(n%8)) == 0 {
		return "", false
	}
	i := sort.Search(len(geo.runs), func(i int) bool { return geo.runs[i].to >= n })
	if i == len(geo.runs) || geo.runs[i].from > n {
		return "", false
	}
	return geo.runs[i].state, true
}

// ValidCountry reports whether code is an ISO 3166-1 alpha-3 country code.
func ValidCountry(code string) bool {
	loadGeo()
	return geo.countries[code]
}
