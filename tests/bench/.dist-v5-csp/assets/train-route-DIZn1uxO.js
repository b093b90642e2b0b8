var e=`{
  "type": "FeatureCollection",
  "features": [
    {
      "type": "Feature",
      "properties": {
        "id": "train",
        "approximate": true,
        "provenance": "Stations as reported by news media at the time (February 2019); the line is drawn as straight segments between stations, approximate and not the actual track; the Dong Dang–Hanoi leg (about 170 km by road) was travelled by car.",
        "lengthKm": 3472
      },
      "geometry": {
        "type": "LineString",
        "coordinates": [
          [125.7547, 39.0194],
          [124.4013, 40.0982],
          [124.3893, 40.1196],
          [123.3954, 41.7943],
          [117.2106, 39.1365],
          [114.4819, 38.0108],
          [114.3166, 30.5285],
          [113.0122, 28.1945],
          [112.624, 26.8893],
          [108.312, 22.8275],
          [106.754, 22.099],
          [106.703, 21.956],
          [105.8542, 21.0285]
        ]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "pyongyang",
        "name": {
          "nl": "Pyongyang",
          "en": "Pyongyang"
        },
        "mode": "train",
        "fraction": 0,
        "lineProgress": 0
      },
      "geometry": {
        "type": "Point",
        "coordinates": [125.7547, 39.0194]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "sinuiju",
        "name": {
          "nl": "Sinuiju",
          "en": "Sinuiju"
        },
        "mode": "train",
        "fraction": 0.0481,
        "lineProgress": 0.0518
      },
      "geometry": {
        "type": "Point",
        "coordinates": [124.4013, 40.0982]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "dandong",
        "name": {
          "nl": "Dandong",
          "en": "Dandong"
        },
        "mode": "train",
        "fraction": 0.0488,
        "lineProgress": 0.0526
      },
      "geometry": {
        "type": "Point",
        "coordinates": [124.3893, 40.1196]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "shenyang",
        "name": {
          "nl": "Shenyang",
          "en": "Shenyang"
        },
        "mode": "train",
        "fraction": 0.1076,
        "lineProgress": 0.1172
      },
      "geometry": {
        "type": "Point",
        "coordinates": [123.3954, 41.7943]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "tianjin",
        "name": {
          "nl": "Tianjin",
          "en": "Tianjin"
        },
        "mode": "train",
        "fraction": 0.2806,
        "lineProgress": 0.3061
      },
      "geometry": {
        "type": "Point",
        "coordinates": [117.2106, 39.1365]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "shijiazhuang",
        "name": {
          "nl": "Shijiazhuang",
          "en": "Shijiazhuang"
        },
        "mode": "train",
        "fraction": 0.3578,
        "lineProgress": 0.3882
      },
      "geometry": {
        "type": "Point",
        "coordinates": [114.4819, 38.0108]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "wuhan",
        "name": {
          "nl": "Wuhan",
          "en": "Wuhan"
        },
        "mode": "train",
        "fraction": 0.5975,
        "lineProgress": 0.6294
      },
      "geometry": {
        "type": "Point",
        "coordinates": [114.3166, 30.5285]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "changsha",
        "name": {
          "nl": "Changsha",
          "en": "Changsha"
        },
        "mode": "train",
        "fraction": 0.6807,
        "lineProgress": 0.7086
      },
      "geometry": {
        "type": "Point",
        "coordinates": [113.0122, 28.1945]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "hengyang",
        "name": {
          "nl": "Hengyang",
          "en": "Hengyang"
        },
        "mode": "train",
        "fraction": 0.7239,
        "lineProgress": 0.7491
      },
      "geometry": {
        "type": "Point",
        "coordinates": [112.624, 26.8893]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "nanning",
        "name": {
          "nl": "Nanning",
          "en": "Nanning"
        },
        "mode": "train",
        "fraction": 0.9045,
        "lineProgress": 0.9144
      },
      "geometry": {
        "type": "Point",
        "coordinates": [108.312, 22.8275]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "pingxiang",
        "name": {
          "nl": "Pingxiang",
          "en": "Pingxiang"
        },
        "mode": "train",
        "fraction": 0.9562,
        "lineProgress": 0.9609
      },
      "geometry": {
        "type": "Point",
        "coordinates": [106.754, 22.099]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "dong-dang",
        "name": {
          "nl": "Dong Dang",
          "en": "Dong Dang"
        },
        "mode": "train",
        "fraction": 0.961,
        "lineProgress": 0.9652
      },
      "geometry": {
        "type": "Point",
        "coordinates": [106.703, 21.956]
      }
    },
    {
      "type": "Feature",
      "properties": {
        "id": "hanoi",
        "name": {
          "nl": "Hanoi",
          "en": "Hanoi"
        },
        "mode": "car",
        "fraction": 1,
        "lineProgress": 1
      },
      "geometry": {
        "type": "Point",
        "coordinates": [105.8542, 21.0285]
      }
    }
  ]
}
`;export{e as default};