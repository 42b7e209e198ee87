package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Generators of the demo's numbers and words: TNs, SIM and device
// identifiers, and what a customer calls its lines.

// otherWireless picks a wireless carrier other than c.
func (s *demoSet) otherWireless(r *rand.Rand, c *demoCarrierSet) *demoCarrierSet {
	var others []*demoCarrierSet
	for _, o := range s.carrierOrder {
		if o.Wireless && o != c {
			others = append(others, o)
		}
	}
	return pick(r, others)
}

// newTN makes a TN in area code npa that no demo line has. Exchanges are
// never N11 or 555, and no TN ends in 13: the simulated provider refuses
// ports of those, and the demo should do so only where a step means it to.
func (s *demoSet) newTN(r *rand.Rand, npa string) string {
	for {
		tn := npa + demoExchange(r) + fmt.Sprintf("%04d", r.IntN(10000))
		if !s.tns[tn] && !strings.HasSuffix(tn, "13") {
			s.tns[tn] = true
			return tn
		}
	}
}

// newTNBlock makes n TNs in sequence in one exchange.
func (s *demoSet) newTNBlock(r *rand.Rand, npa string, n int) []string {
	if n == 0 {
		return nil
	}
next:
	for {
		prefix, start := npa+demoExchange(r), 100*(1+r.IntN(98))
		block := make([]string, n)
		for i := range block {
			block[i] = prefix + fmt.Sprintf("%04d", start+i)
			if s.tns[block[i]] || strings.HasSuffix(block[i], "13") {
				continue next
			}
		}
		for _, tn := range block {
			s.tns[tn] = true
		}
		return block
	}
}

func demoExchange(r *rand.Rand) string {
	for {
		nxx := 200 + r.IntN(800)
		if nxx%100 != 11 && nxx != 555 {
			return fmt.Sprint(nxx)
		}
	}
}

// newICCID makes a 20-digit serial of a SIM of the carrier code: its
// prefix, random digits and a Luhn check digit; and says what the card is.
func (s *demoSet) newICCID(r *rand.Rand, code string) (id, model string) {
	sim := demoSIMs[code]
	return s.newIdentifier(r, sim.Prefix, 20), sim.Model
}

// newIMEI makes a 15-digit device identity of a model in stock: its type
// allocation code, a serial and a Luhn check digit; and names the model.
func (s *demoSet) newIMEI(r *rand.Rand) (id, model string) {
	m := pick(r, demoDeviceModels)
	return s.newIdentifier(r, m.TAC, 15), m.Model
}

func (s *demoSet) newIdentifier(r *rand.Rand, prefix string, n int) string {
	for {
		var b strings.Builder
		b.WriteString(prefix)
		for b.Len() < n-1 {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		id := b.String() + luhn(b.String())
		if !s.identifiers[id] {
			s.identifiers[id] = true
			return id
		}
	}
}

// luhn is the check digit that makes digits+check pass the Luhn test.
func luhn(digits string) string {
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-1-i)%2 == 0 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return fmt.Sprint((10 - sum%10) % 10)
}

// demoNamer describes one customer's lines without repeating itself.
type demoNamer struct {
	r      *rand.Rand
	person bool
	roles  []string
	counts map[string]int
	used   map[string]bool
}

func newDemoNamer(r *rand.Rand, person bool) *demoNamer {
	roles := append([]string{}, demoRoles...)
	if person {
		roles = append([]string{}, demoHousehold...)
	}
	r.Shuffle(len(roles), func(i, j int) { roles[i], roles[j] = roles[j], roles[i] })
	return &demoNamer{r: r, person: person, roles: roles, counts: map[string]int{}, used: map[string]bool{}}
}

// phone describes a phone: whose it is ("CFO iPhone", "Driver 03").
func (n *demoNamer) phone() string {
	if n.person {
		return n.unique(take(&n.roles))
	}
	if len(n.roles) > 0 && n.r.IntN(3) > 0 {
		return n.unique(take(&n.roles) + " " + pick(n.r, demoPhones))
	}
	role := pick(n.r, demoNumberedRoles)
	n.counts[role]++
	return n.unique(fmt.Sprintf("%s %02d", role, n.counts[role]))
}

// data describes a data device: what it does ("Fleet truck 12 hotspot").
func (n *demoNamer) data() string {
	if n.person {
		return n.unique("Family iPad")
	}
	t := pick(n.r, demoDataDevices)
	if strings.Contains(t, "%d") {
		n.counts[t]++
		t = fmt.Sprintf(t, n.counts[t]+n.r.IntN(3)*10)
	}
	return n.unique(t)
}

func (n *demoNamer) unique(s string) string {
	if s == "" {
		s = "Line"
	}
	out := s
	for i := 2; n.used[out]; i++ {
		out = fmt.Sprintf("%s (%d)", s, i)
	}
	n.used[out] = true
	return out
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }
