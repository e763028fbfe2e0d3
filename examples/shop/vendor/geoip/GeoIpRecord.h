// geoip-lite 2.3.1: IPv4 to city lookup from a bundled table.
// Third-party code, vendored as is by scripts/update-vendor.sh: do not edit.
// The personal data in it is declared in .pdflow.yaml (`data:`), not here.
#ifndef GEOIP_LITE_GEOIPRECORD_H
#define GEOIP_LITE_GEOIPRECORD_H

#include <cstdio>
#include <string>
#include <string_view>

namespace geo {

struct GeoIpRecord {
  std::string ip;
  std::string countryCode; // ISO 3166-1 alpha-2, "ZZ" when unknown
  std::string city;
  double latitude = 0.0;
  double longitude = 0.0;

  /// "lat,lon" with two decimals, as the upstream CSV format writes it.
  std::string coordinates() const {
    char Buf[48];
    std::snprintf(Buf, sizeof Buf, "%.2f,%.2f", latitude, longitude);
    return Buf;
  }
};

/// Looks an IPv4 address up. Unknown addresses give countryCode "ZZ".
inline GeoIpRecord lookup(std::string_view ip) {
  struct Range {
    std::string_view Prefix, Country, City;
    double Lat, Lon;
  };
  // The bundled table is cut down to the documentation ranges (RFC 5737).
  static constexpr Range Table[] = {
      {"192.0.2.", "FR", "Lyon", 45.76, 4.84},
      {"198.51.100.", "DE", "Berlin", 52.52, 13.40},
      {"203.0.113.", "US", "Seattle", 47.61, -122.33},
  };
  GeoIpRecord R;
  R.ip = std::string(ip);
  R.countryCode = "ZZ";
  for (const Range &E : Table) {
    if (ip.substr(0, E.Prefix.size()) == E.Prefix) {
      R.countryCode = std::string(E.Country);
      R.city = std::string(E.City);
      R.latitude = E.Lat;
      R.longitude = E.Lon;
      break;
    }
  }
  return R;
}

} // namespace geo

#endif // GEOIP_LITE_GEOIPRECORD_H
