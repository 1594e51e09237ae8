/**
 * Reference data for the demo catalog: real makes and models (production years, body type), car features,
 * part categories and brands, and cities with coordinates. Pure data, no Payload import.
 * Model spec: `Name:yearFrom[-yearTo]:bodyType` (no yearTo: still produced).
 */
export interface MakeSeed {
  name: string
  country: string
  /** World manufacturer identifier used for demo VINs. */
  wmi: string
  /** Typical new price (USD) of the brand, scales demo prices. */
  basePrice: number
  models: string
}

export const MAKES: MakeSeed[] = [
  {
    name: 'Toyota',
    country: 'Japan',
    wmi: 'JTD',
    basePrice: 32000,
    models:
      'Camry:1982:sedan, Corolla:1966:sedan, RAV4:1994:suv, Land Cruiser:1951:suv, Hilux:1968:pickup, Prado:1990:suv, Yaris:1999:hatchback, Highlander:2000:suv, Tacoma:1995:pickup, Supra:1978:coupe, Prius:1997:hatchback, Fortuner:2005:suv, Avalon:1994-2022:sedan',
  },
  {
    name: 'Honda',
    country: 'Japan',
    wmi: 'JHM',
    basePrice: 30000,
    models: 'Civic:1972:sedan, Accord:1976:sedan, CR-V:1995:suv, Pilot:2002:suv, HR-V:1998:crossover, Odyssey:1994:minivan, Fit:2001-2020:hatchback, City:1981:sedan',
  },
  {
    name: 'Nissan',
    country: 'Japan',
    wmi: 'JN1',
    basePrice: 31000,
    models:
      'Altima:1992:sedan, Sentra:1982:sedan, Patrol:1951:suv, X-Trail:2000:suv, Sunny:1966:sedan, Maxima:1981-2023:sedan, Pathfinder:1985:suv, GT-R:2007:coupe, Navara:1997:pickup, Kicks:2016:crossover',
  },
  {
    name: 'Mazda',
    country: 'Japan',
    wmi: 'JM1',
    basePrice: 29000,
    models: 'Mazda3:2003:hatchback, Mazda6:2002:sedan, CX-5:2012:suv, CX-9:2006-2023:suv, MX-5:1989:convertible, CX-30:2019:crossover, CX-90:2023:suv',
  },
  {
    name: 'Mitsubishi',
    country: 'Japan',
    wmi: 'JA3',
    basePrice: 27000,
    models: 'Lancer:1973-2017:sedan, Pajero:1982-2021:suv, Outlander:2001:suv, L200:1978:pickup, ASX:2010:crossover, Eclipse Cross:2017:crossover, Attrage:2012:sedan',
  },
  {
    name: 'Subaru',
    country: 'Japan',
    wmi: 'JF1',
    basePrice: 30000,
    models: 'Impreza:1992:sedan, Forester:1997:suv, Outback:1994:wagon, WRX:2014:sedan, Legacy:1989:sedan, Crosstrek:2012:crossover, BRZ:2012:coupe',
  },
  { name: 'Lexus', country: 'Japan', wmi: 'JTH', basePrice: 52000, models: 'ES:1989:sedan, RX:1998:suv, LX:1995:suv, IS:1998:sedan, NX:2014:suv, GX:2002:suv, LS:1989:sedan, RC:2014:coupe' },
  { name: 'Infiniti', country: 'Japan', wmi: 'JNK', basePrice: 48000, models: 'Q50:2013:sedan, QX60:2012:suv, QX80:2010:suv, QX50:2013:suv, Q60:2013-2022:coupe, G37:2007-2013:sedan' },
  { name: 'Acura', country: 'Japan', wmi: '19U', basePrice: 45000, models: 'TLX:2014:sedan, MDX:2000:suv, RDX:2006:suv, Integra:1986:hatchback, NSX:1990-2022:coupe, ILX:2012-2022:sedan' },
  { name: 'Suzuki', country: 'Japan', wmi: 'JS2', basePrice: 19000, models: 'Swift:2004:hatchback, Vitara:1988:suv, Jimny:1970:suv, Dzire:2008:sedan, Ciaz:2014:sedan, Ertiga:2012:minivan' },
  {
    name: 'Ford',
    country: 'United States',
    wmi: '1FA',
    basePrice: 38000,
    models:
      'F-150:1975:pickup, Mustang:1964:coupe, Explorer:1990:suv, Escape:2000:suv, Ranger:1983:pickup, Focus:1998-2018:hatchback, Fusion:2005-2020:sedan, Edge:2006:suv, Expedition:1996:suv, Bronco:1965:suv, Taurus:1985:sedan',
  },
  {
    name: 'Chevrolet',
    country: 'United States',
    wmi: '1G1',
    basePrice: 36000,
    models:
      'Silverado:1998:pickup, Camaro:1966-2024:coupe, Malibu:1964:sedan, Tahoe:1994:suv, Equinox:2004:suv, Corvette:1953:sports, Traverse:2008:suv, Suburban:1935:suv, Spark:2009-2022:hatchback, Captiva:2006:suv',
  },
  { name: 'GMC', country: 'United States', wmi: '1GT', basePrice: 48000, models: 'Sierra:1998:pickup, Yukon:1991:suv, Acadia:2006:suv, Terrain:2009:suv, Canyon:2003:pickup, Savana:1995:van' },
  {
    name: 'Cadillac',
    country: 'United States',
    wmi: '1G6',
    basePrice: 60000,
    models: 'Escalade:1998:suv, CT5:2019:sedan, XT5:2016:suv, XT4:2018:crossover, CT4:2019:sedan, Lyriq:2022:suv, CTS:2002-2019:sedan',
  },
  { name: 'Buick', country: 'United States', wmi: '1G4', basePrice: 34000, models: 'Enclave:2007:suv, Encore:2012:crossover, Envision:2014:suv, LaCrosse:2004-2019:sedan, Regal:1973-2020:sedan' },
  {
    name: 'Dodge',
    country: 'United States',
    wmi: '2C3',
    basePrice: 40000,
    models: 'Charger:1966:sedan, Challenger:1970-2023:coupe, Durango:1997:suv, Journey:2008-2020:suv, Grand Caravan:1987-2020:minivan, Viper:1991-2017:sports',
  },
  {
    name: 'Jeep',
    country: 'United States',
    wmi: '1C4',
    basePrice: 42000,
    models: 'Wrangler:1986:suv, Grand Cherokee:1992:suv, Cherokee:1974-2023:suv, Compass:2006:crossover, Renegade:2014:crossover, Gladiator:2019:pickup',
  },
  { name: 'Ram', country: 'United States', wmi: '1C6', basePrice: 47000, models: '1500:2009:pickup, 2500:2009:pickup, 3500:2009:pickup, ProMaster:2013:van' },
  { name: 'Chrysler', country: 'United States', wmi: '2C4', basePrice: 38000, models: '300:2004-2023:sedan, Pacifica:2016:minivan, Voyager:2019:minivan, 200:2010-2017:sedan' },
  {
    name: 'Lincoln',
    country: 'United States',
    wmi: '5LM',
    basePrice: 58000,
    models: 'Navigator:1997:suv, Aviator:2002:suv, Nautilus:2018:suv, Corsair:2019:crossover, MKZ:2006-2020:sedan, Continental:1939-2020:sedan',
  },
  { name: 'Tesla', country: 'United States', wmi: '5YJ', basePrice: 55000, models: 'Model S:2012:sedan, Model 3:2017:sedan, Model X:2015:suv, Model Y:2020:crossover, Cybertruck:2023:pickup' },
  {
    name: 'BMW',
    country: 'Germany',
    wmi: 'WBA',
    basePrice: 58000,
    models:
      '3 Series:1975:sedan, 5 Series:1972:sedan, 7 Series:1977:sedan, X1:2009:crossover, X3:2003:suv, X5:1999:suv, X6:2008:suv, X7:2018:suv, M3:1986:sedan, 4 Series:2013:coupe, i4:2021:sedan, Z4:2002:convertible',
  },
  {
    name: 'Mercedes-Benz',
    country: 'Germany',
    wmi: 'WDD',
    basePrice: 62000,
    models:
      'C-Class:1993:sedan, E-Class:1993:sedan, S-Class:1972:sedan, GLC:2015:suv, GLE:2015:suv, G-Class:1979:suv, A-Class:1997:hatchback, CLA:2013:sedan, GLS:2015:suv, EQS:2021:sedan, Sprinter:1995:van',
  },
  {
    name: 'Audi',
    country: 'Germany',
    wmi: 'WAU',
    basePrice: 55000,
    models: 'A3:1996:sedan, A4:1994:sedan, A6:1994:sedan, A8:1994:sedan, Q3:2011:crossover, Q5:2008:suv, Q7:2005:suv, Q8:2018:suv, TT:1998-2023:coupe, e-tron GT:2021:sedan, R8:2006-2024:sports',
  },
  {
    name: 'Volkswagen',
    country: 'Germany',
    wmi: 'WVW',
    basePrice: 30000,
    models: 'Golf:1974:hatchback, Passat:1973:sedan, Jetta:1979:sedan, Tiguan:2007:suv, Touareg:2002:suv, Polo:1975:hatchback, Atlas:2017:suv, ID.4:2020:crossover, Beetle:1938-2019:hatchback',
  },
  {
    name: 'Porsche',
    country: 'Germany',
    wmi: 'WP0',
    basePrice: 105000,
    models: '911:1964:sports, Cayenne:2002:suv, Macan:2014:suv, Panamera:2009:sedan, Taycan:2019:sedan, 718 Cayman:2016:coupe, 718 Boxster:2016:convertible',
  },
  { name: 'Opel', country: 'Germany', wmi: 'W0L', basePrice: 26000, models: 'Astra:1991:hatchback, Corsa:1982:hatchback, Insignia:2008-2022:sedan, Mokka:2012:crossover, Grandland:2017:suv' },
  {
    name: 'Hyundai',
    country: 'South Korea',
    wmi: 'KMH',
    basePrice: 27000,
    models:
      'Elantra:1990:sedan, Sonata:1985:sedan, Tucson:2004:suv, Santa Fe:2000:suv, Accent:1994-2022:sedan, Palisade:2018:suv, Kona:2017:crossover, Ioniq 5:2021:crossover, Creta:2014:crossover, Azera:2005-2022:sedan',
  },
  {
    name: 'Kia',
    country: 'South Korea',
    wmi: 'KNA',
    basePrice: 26000,
    models:
      'Sportage:1993:suv, Sorento:2002:suv, Optima:2000-2020:sedan, K5:2020:sedan, Rio:2000-2023:sedan, Cerato:2003:sedan, Telluride:2019:suv, Seltos:2019:crossover, Carnival:1998:minivan, EV6:2021:crossover, Picanto:2004:hatchback',
  },
  { name: 'Genesis', country: 'South Korea', wmi: 'KMT', basePrice: 55000, models: 'G70:2017:sedan, G80:2016:sedan, G90:2015:sedan, GV70:2020:suv, GV80:2020:suv' },
  { name: 'Volvo', country: 'Sweden', wmi: 'YV1', basePrice: 50000, models: 'XC90:2002:suv, XC60:2008:suv, XC40:2017:crossover, S60:2000:sedan, S90:2016:sedan, V60:2010:wagon, EX30:2023:crossover' },
  {
    name: 'Land Rover',
    country: 'United Kingdom',
    wmi: 'SAL',
    basePrice: 75000,
    models: 'Range Rover:1970:suv, Range Rover Sport:2005:suv, Range Rover Evoque:2011:crossover, Range Rover Velar:2017:suv, Defender:1983:suv, Discovery:1989:suv, Discovery Sport:2014:suv',
  },
  {
    name: 'Jaguar',
    country: 'United Kingdom',
    wmi: 'SAJ',
    basePrice: 62000,
    models: 'F-Pace:2016:suv, XF:2007-2024:sedan, XE:2015-2024:sedan, F-Type:2013-2024:sports, E-Pace:2017:crossover, I-Pace:2018:suv, XJ:1968-2019:sedan',
  },
  { name: 'Mini', country: 'United Kingdom', wmi: 'WMW', basePrice: 32000, models: 'Cooper:2001:hatchback, Countryman:2010:crossover, Clubman:2007-2024:wagon, Convertible:2004:convertible' },
  { name: 'Bentley', country: 'United Kingdom', wmi: 'SCB', basePrice: 230000, models: 'Continental GT:2003:coupe, Bentayga:2015:suv, Flying Spur:2005:sedan, Mulsanne:2010-2020:sedan' },
  { name: 'Rolls-Royce', country: 'United Kingdom', wmi: 'SCA', basePrice: 400000, models: 'Phantom:2003:sedan, Ghost:2009:sedan, Cullinan:2018:suv, Wraith:2013-2023:coupe, Spectre:2023:coupe' },
  { name: 'Aston Martin', country: 'United Kingdom', wmi: 'SCF', basePrice: 200000, models: 'DB11:2016-2023:coupe, Vantage:2005:sports, DBX:2020:suv, DBS:2018-2023:coupe, DB12:2023:coupe' },
  {
    name: 'Ferrari',
    country: 'Italy',
    wmi: 'ZFF',
    basePrice: 300000,
    models:
      '488:2015-2019:sports, F8 Tributo:2019-2023:sports, Roma:2020:coupe, 812 Superfast:2017-2023:sports, SF90 Stradale:2019:sports, Portofino:2017-2023:convertible, Purosangue:2022:suv, 296 GTB:2021:sports',
  },
  { name: 'Lamborghini', country: 'Italy', wmi: 'ZHW', basePrice: 280000, models: 'Huracan:2014:sports, Aventador:2011-2022:sports, Urus:2018:suv, Revuelto:2023:sports' },
  {
    name: 'Maserati',
    country: 'Italy',
    wmi: 'ZAM',
    basePrice: 95000,
    models: 'Ghibli:2013-2024:sedan, Levante:2016-2024:suv, Quattroporte:1963:sedan, MC20:2020:sports, Grecale:2022:suv, GranTurismo:2007:coupe',
  },
  { name: 'Alfa Romeo', country: 'Italy', wmi: 'ZAR', basePrice: 45000, models: 'Giulia:2015:sedan, Stelvio:2016:suv, Tonale:2022:crossover, Giulietta:2010-2020:hatchback, 4C:2013-2020:sports' },
  { name: 'Fiat', country: 'Italy', wmi: 'ZFA', basePrice: 20000, models: '500:2007:hatchback, Panda:1980:hatchback, Tipo:2015:sedan, 500X:2014:crossover, Doblo:2000:van' },
  {
    name: 'Peugeot',
    country: 'France',
    wmi: 'VF3',
    basePrice: 26000,
    models: '208:2012:hatchback, 308:2007:hatchback, 508:2010:sedan, 2008:2013:crossover, 3008:2008:suv, 5008:2009:suv, 301:2012:sedan',
  },
  {
    name: 'Renault',
    country: 'France',
    wmi: 'VF1',
    basePrice: 23000,
    models: 'Clio:1990:hatchback, Megane:1995:hatchback, Duster:2010:suv, Koleos:2008:suv, Captur:2013:crossover, Symbol:1999-2022:sedan, Talisman:2015-2022:sedan',
  },
  { name: 'Citroen', country: 'France', wmi: 'VF7', basePrice: 24000, models: 'C3:2002:hatchback, C4:2004:hatchback, C5 Aircross:2017:suv, Berlingo:1996:van, C-Elysee:2012:sedan' },
  { name: 'Skoda', country: 'Czech Republic', wmi: 'TMB', basePrice: 25000, models: 'Octavia:1996:sedan, Superb:2001:sedan, Kodiaq:2016:suv, Karoq:2017:suv, Fabia:1999:hatchback, Enyaq:2020:suv' },
  { name: 'SEAT', country: 'Spain', wmi: 'VSS', basePrice: 24000, models: 'Leon:1999:hatchback, Ibiza:1984:hatchback, Ateca:2016:suv, Arona:2017:crossover, Tarraco:2018:suv' },
  { name: 'Chery', country: 'China', wmi: 'LVV', basePrice: 18000, models: 'Tiggo 7:2016:suv, Tiggo 8:2018:suv, Arrizo 5:2016:sedan, Tiggo 4:2017:crossover' },
  { name: 'Geely', country: 'China', wmi: 'L6T', basePrice: 19000, models: 'Coolray:2018:crossover, Emgrand:2009:sedan, Tugella:2019:suv, Monjaro:2021:suv, Okavango:2020:suv' },
  { name: 'BYD', country: 'China', wmi: 'LGX', basePrice: 33000, models: 'Atto 3:2022:crossover, Han:2020:sedan, Tang:2015:suv, Seal:2022:sedan, Dolphin:2021:hatchback, Song Plus:2020:suv' },
  { name: 'MG', country: 'China', wmi: 'LSJ', basePrice: 20000, models: 'MG ZS:2017:crossover, MG5:2012:sedan, MG HS:2018:suv, MG RX5:2016:suv, MG4:2022:hatchback' },
  { name: 'Changan', country: 'China', wmi: 'LS5', basePrice: 18000, models: 'CS75:2013:suv, CS35:2012:crossover, Eado:2012:sedan, UNI-T:2020:crossover, Alsvin:2018:sedan' },
  { name: 'Haval', country: 'China', wmi: 'LGW', basePrice: 21000, models: 'H6:2011:suv, Jolion:2020:crossover, H9:2014:suv, Dargo:2020:suv' },
]

export interface ModelSeed {
  name: string
  yearFrom: number
  yearTo: number | null
  bodyType: string
}

export function modelsOf(make: MakeSeed): ModelSeed[] {
  return make.models.split(',').map((spec) => {
    const [name, years, bodyType] = spec.trim().split(':')
    const [from, to] = years.split('-')
    return { name, yearFrom: Number(from), yearTo: to ? Number(to) : null, bodyType }
  })
}

export const FEATURES: Record<string, string[]> = {
  safety: [
    'ABS',
    'Airbags',
    'Side Airbags',
    'Curtain Airbags',
    'Traction Control',
    'Electronic Stability Control',
    'Blind Spot Monitoring',
    'Lane Departure Warning',
    'Lane Keeping Assist',
    'Adaptive Cruise Control',
    'Automatic Emergency Braking',
    'Rear Cross Traffic Alert',
    'Tire Pressure Monitoring',
  ],
  comfort: [
    'Air Conditioning',
    'Dual-Zone Climate Control',
    'Heated Seats',
    'Ventilated Seats',
    'Massage Seats',
    'Heated Steering Wheel',
    'Power Seats',
    'Memory Seats',
    'Leather Seats',
    'Third Row Seating',
  ],
  technology: [
    'Navigation System',
    'Apple CarPlay',
    'Android Auto',
    'Bluetooth',
    'Wireless Charging',
    'Head-Up Display',
    'Digital Instrument Cluster',
    '360 Camera',
    'Rear View Camera',
    'Parking Sensors',
    'Self Parking',
    'Keyless Entry',
    'Push Button Start',
    'Remote Start',
  ],
  entertainment: ['Premium Sound System', 'Rear Seat Entertainment', 'Satellite Radio', 'USB Ports', 'Touchscreen Display', 'Wi-Fi Hotspot'],
  exterior: ['Sunroof', 'Panoramic Roof', 'LED Headlights', 'Fog Lights', 'Alloy Wheels', 'Roof Rails', 'Power Tailgate', 'Tow Hitch', 'Running Boards'],
  interior: ['Ambient Lighting', 'Power Folding Mirrors', 'Auto-Dimming Mirror', 'Cooled Glovebox', 'Rear Sunshades'],
  performance: ['Sport Mode', 'Turbocharged Engine', 'Limited Slip Differential', 'Adaptive Suspension', 'Paddle Shifters', 'Launch Control', 'All-Wheel Drive'],
  convenience: ['Cruise Control', 'Rain-Sensing Wipers', 'Automatic Headlights', 'Power Windows', 'Power Liftgate', 'Hands-Free Trunk'],
}

export interface CitySeed {
  city: string
  region: string
  country: string
  lat: number
  lng: number
}

export const CITIES: CitySeed[] = [
  { city: 'Dubai', region: 'Dubai', country: 'United Arab Emirates', lat: 25.2048, lng: 55.2708 },
  { city: 'Abu Dhabi', region: 'Abu Dhabi', country: 'United Arab Emirates', lat: 24.4539, lng: 54.3773 },
  { city: 'Sharjah', region: 'Sharjah', country: 'United Arab Emirates', lat: 25.3463, lng: 55.4209 },
  { city: 'Riyadh', region: 'Riyadh', country: 'Saudi Arabia', lat: 24.7136, lng: 46.6753 },
  { city: 'Jeddah', region: 'Makkah', country: 'Saudi Arabia', lat: 21.4858, lng: 39.1925 },
  { city: 'Dammam', region: 'Eastern Province', country: 'Saudi Arabia', lat: 26.4207, lng: 50.0888 },
  { city: 'Doha', region: 'Doha', country: 'Qatar', lat: 25.2854, lng: 51.531 },
  { city: 'Kuwait City', region: 'Al Asimah', country: 'Kuwait', lat: 29.3759, lng: 47.9774 },
  { city: 'Manama', region: 'Capital', country: 'Bahrain', lat: 26.2285, lng: 50.586 },
  { city: 'Muscat', region: 'Muscat', country: 'Oman', lat: 23.588, lng: 58.3829 },
  { city: 'Amman', region: 'Amman', country: 'Jordan', lat: 31.9454, lng: 35.9284 },
  { city: 'Cairo', region: 'Cairo', country: 'Egypt', lat: 30.0444, lng: 31.2357 },
  { city: 'Alexandria', region: 'Alexandria', country: 'Egypt', lat: 31.2001, lng: 29.9187 },
  { city: 'Casablanca', region: 'Casablanca-Settat', country: 'Morocco', lat: 33.5731, lng: -7.5898 },
  { city: 'Beirut', region: 'Beirut', country: 'Lebanon', lat: 33.8938, lng: 35.5018 },
  { city: 'Istanbul', region: 'Istanbul', country: 'Turkey', lat: 41.0082, lng: 28.9784 },
  { city: 'London', region: 'England', country: 'United Kingdom', lat: 51.5074, lng: -0.1278 },
  { city: 'Manchester', region: 'England', country: 'United Kingdom', lat: 53.4808, lng: -2.2426 },
  { city: 'Berlin', region: 'Berlin', country: 'Germany', lat: 52.52, lng: 13.405 },
  { city: 'Munich', region: 'Bavaria', country: 'Germany', lat: 48.1351, lng: 11.582 },
  { city: 'Paris', region: 'Île-de-France', country: 'France', lat: 48.8566, lng: 2.3522 },
  { city: 'Madrid', region: 'Madrid', country: 'Spain', lat: 40.4168, lng: -3.7038 },
  { city: 'New York', region: 'New York', country: 'United States', lat: 40.7128, lng: -74.006 },
  { city: 'Los Angeles', region: 'California', country: 'United States', lat: 34.0522, lng: -118.2437 },
  { city: 'Houston', region: 'Texas', country: 'United States', lat: 29.7604, lng: -95.3698 },
  { city: 'Chicago', region: 'Illinois', country: 'United States', lat: 41.8781, lng: -87.6298 },
  { city: 'Miami', region: 'Florida', country: 'United States', lat: 25.7617, lng: -80.1918 },
  { city: 'Toronto', region: 'Ontario', country: 'Canada', lat: 43.6532, lng: -79.3832 },
]

/** Part categories: root → children. */
export const PART_CATEGORIES: Record<string, string[]> = {
  Engine: ['Filters', 'Spark Plugs', 'Belts & Hoses', 'Gaskets', 'Engine Mounts'],
  Brakes: ['Brake Pads', 'Brake Discs', 'Calipers', 'Brake Fluid'],
  Suspension: ['Shock Absorbers', 'Springs', 'Control Arms', 'Bushings'],
  Electrical: ['Batteries', 'Alternators', 'Starters', 'Sensors'],
  Lighting: ['Headlights', 'Tail Lights', 'Bulbs'],
  'Body & Exterior': ['Mirrors', 'Bumpers', 'Wipers'],
  Interior: ['Floor Mats', 'Seat Covers', 'Dash Cams'],
  'Wheels & Tires': ['Tires', 'Rims', 'Wheel Bearings'],
  Cooling: ['Radiators', 'Water Pumps', 'Thermostats'],
  Transmission: ['Clutch Kits', 'Transmission Fluid'],
}

export const PART_BRANDS: { name: string; country: string }[] = [
  { name: 'Bosch', country: 'Germany' },
  { name: 'Brembo', country: 'Italy' },
  { name: 'Denso', country: 'Japan' },
  { name: 'NGK', country: 'Japan' },
  { name: 'Mann-Filter', country: 'Germany' },
  { name: 'Mahle', country: 'Germany' },
  { name: 'Valeo', country: 'France' },
  { name: 'Continental', country: 'Germany' },
  { name: 'Michelin', country: 'France' },
  { name: 'Bridgestone', country: 'Japan' },
  { name: 'Monroe', country: 'United States' },
  { name: 'KYB', country: 'Japan' },
  { name: 'Bilstein', country: 'Germany' },
  { name: 'ACDelco', country: 'United States' },
  { name: 'Motorcraft', country: 'United States' },
  { name: 'Hella', country: 'Germany' },
  { name: 'Philips', country: 'Netherlands' },
  { name: 'Varta', country: 'Germany' },
  { name: 'Gates', country: 'United States' },
  { name: 'Sachs', country: 'Germany' },
  { name: 'Akebono', country: 'Japan' },
  { name: 'Castrol', country: 'United Kingdom' },
]

/** Part name templates per child category: `{make}`/`{model}` filled in for vehicle-specific parts. */
export const PART_TEMPLATES: Record<string, string[]> = {
  Filters: ['Oil Filter', 'Air Filter', 'Cabin Air Filter', 'Fuel Filter'],
  'Spark Plugs': ['Iridium Spark Plug Set', 'Platinum Spark Plug'],
  'Belts & Hoses': ['Serpentine Belt', 'Timing Belt Kit', 'Radiator Hose'],
  Gaskets: ['Head Gasket Set', 'Valve Cover Gasket'],
  'Engine Mounts': ['Front Engine Mount', 'Transmission Mount'],
  'Brake Pads': ['Ceramic Front Brake Pads', 'Rear Brake Pads'],
  'Brake Discs': ['Vented Front Brake Disc', 'Drilled Rear Brake Disc'],
  Calipers: ['Front Brake Caliper', 'Caliper Repair Kit'],
  'Brake Fluid': ['DOT 4 Brake Fluid 1L'],
  'Shock Absorbers': ['Front Gas Shock Absorber', 'Rear Shock Absorber'],
  Springs: ['Lowering Spring Kit', 'Coil Spring'],
  'Control Arms': ['Lower Control Arm', 'Upper Control Arm'],
  Bushings: ['Sway Bar Bushing Kit'],
  Batteries: ['AGM Battery 70Ah', 'EFB Battery 60Ah'],
  Alternators: ['Alternator 150A'],
  Starters: ['Starter Motor'],
  Sensors: ['Oxygen Sensor', 'ABS Wheel Speed Sensor', 'Mass Air Flow Sensor'],
  Headlights: ['LED Headlight Assembly', 'Xenon Headlight'],
  'Tail Lights': ['LED Tail Light'],
  Bulbs: ['H7 Halogen Bulb Pair', 'LED Interior Bulb Kit'],
  Mirrors: ['Side Mirror Glass', 'Power Side Mirror'],
  Bumpers: ['Front Bumper Cover'],
  Wipers: ['Wiper Blade Set', 'Rear Wiper Blade'],
  'Floor Mats': ['All-Weather Floor Mats'],
  'Seat Covers': ['Leatherette Seat Cover Set'],
  'Dash Cams': ['4K Dash Cam'],
  Tires: ['All-Season Tire 225/45 R17', 'Performance Tire 245/40 R18', 'All-Terrain Tire 265/70 R17'],
  Rims: ['18" Alloy Wheel', '17" Steel Wheel'],
  'Wheel Bearings': ['Front Wheel Bearing Hub'],
  Radiators: ['Aluminium Radiator'],
  'Water Pumps': ['Water Pump'],
  Thermostats: ['Thermostat with Housing'],
  'Clutch Kits': ['Clutch Kit with Flywheel'],
  'Transmission Fluid': ['ATF Transmission Fluid 4L'],
}

export const COLORS = ['White', 'Black', 'Silver', 'Grey', 'Blue', 'Red', 'Beige', 'Brown', 'Green', 'Pearl White', 'Midnight Blue', 'Burgundy']
export const INTERIOR_COLORS = ['Black', 'Beige', 'Grey', 'Tan', 'Brown', 'Red', 'Ivory']
