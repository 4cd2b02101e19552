package phone

import (
	"bufio"
	"errors"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
)

// DefaultPort is the port the phone page prefers, so the URL on the
// projector stays the same from one workshop to the next.
const DefaultPort = 8025

// ErrNoNetwork is returned by DefaultHost when the laptop is on no network
// phones could reach.
var ErrNoNetwork = errors.New("this laptop is on no network phones can reach; join a Wi-Fi network or start the laptop's hotspot, or choose an address with --listen")

// DefaultHost returns the laptop's IPv4 address on the network of its
// default route: the network phones on the same Wi-Fi reach it through.
// Without a default route (a hotspot of its own, a network without
// internet) it takes the first private address of an interface that is up.
// It only reads the laptop's own tables; it sends nothing.
func DefaultHost() (string, error) {
	if f, err := os.Open("/proc/net/route"); err == nil {
		name, ok := defaultRouteIface(f)
		_ = f.Close()
		if ok {
			if ifc, err := net.InterfaceByName(name); err == nil {
				if ip := usableIPv4(ifc, false); ip != "" {
					return ip, nil
				}
			}
		}
	}
	ifcs, err := net.Interfaces()
	if err != nil {
		return "", ErrNoNetwork
	}
	for _, ifc := range ifcs {
		if ip := usableIPv4(&ifc, true); ip != "" {
			return ip, nil
		}
	}
	return "", ErrNoNetwork
}

// DefaultListenAddr is DefaultHost with DefaultPort.
func DefaultListenAddr() (string, error) {
	host, err := DefaultHost()
	if err != nil {
		return "", err
	}
	return net.JoinHostPort(host, strconv.Itoa(DefaultPort)), nil
}

// ListenDefault listens on DefaultHost, at DefaultPort when it is free and
// on a free port otherwise.
func ListenDefault() (net.Listener, error) {
	host, err := DefaultHost()
	if err != nil {
		return nil, err
	}
	if l, err := Listen(net.JoinHostPort(host, strconv.Itoa(DefaultPort))); err == nil {
		return l, nil
	}
	return Listen(net.JoinHostPort(host, "0"))
}

// usableIPv4 returns the interface's first IPv4 address that is neither
// loopback nor link-local (and private, when privateOnly), or "".
func usableIPv4(ifc *net.Interface, privateOnly bool) string {
	if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
		return ""
	}
	addrs, err := ifc.Addrs()
	if err != nil {
		return ""
	}
	for _, a := range addrs {
		ipn, ok := a.(*net.IPNet)
		if !ok {
			continue
		}
		ip := ipn.IP.To4()
		if ip == nil || ip.IsLoopback() || ip.IsLinkLocalUnicast() || (privateOnly && !ip.IsPrivate()) {
			continue
		}
		return ip.String()
	}
	return ""
}

// defaultRouteIface reads a Linux routing table (/proc/net/route) and
// returns the interface of the default route with the lowest metric.
func defaultRouteIface(table io.Reader) (string, bool) {
	sc := bufio.NewScanner(table)
	best, bestMetric := "", -1
	first := true
	for sc.Scan() {
		if first {
			first = false // the header
			continue
		}
		f := strings.Fields(sc.Text())
		if len(f) < 8 {
			continue
		}
		flags, err := strconv.ParseUint(f[3], 16, 32)
		if err != nil || flags&0x1 == 0 { // RTF_UP
			continue
		}
		if f[1] != "00000000" || f[7] != "00000000" {
			continue
		}
		metric, err := strconv.Atoi(f[6])
		if err != nil {
			continue
		}
		if bestMetric < 0 || metric < bestMetric {
			best, bestMetric = f[0], metric
		}
	}
	return best, best != ""
}
