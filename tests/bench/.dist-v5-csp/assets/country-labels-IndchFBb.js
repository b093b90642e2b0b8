var e=`{
  "type": "FeatureCollection",
  "features": [
    { "type": "Feature", "geometry": { "type": "Point", "coordinates": [103.0, 31.0] }, "properties": { "id": "156", "name": { "nl": "China", "en": "China" } } },
    { "type": "Feature", "geometry": { "type": "Point", "coordinates": [127.7, 40.75] }, "properties": { "id": "408", "name": { "nl": "Noord-Korea", "en": "North Korea" } } },
    { "type": "Feature", "geometry": { "type": "Point", "coordinates": [128.4, 36.0] }, "properties": { "id": "410", "name": { "nl": "Zuid-Korea", "en": "South Korea" } } },
    { "type": "Feature", "geometry": { "type": "Point", "coordinates": [105.2, 17.6] }, "properties": { "id": "704", "name": { "nl": "Vietnam", "en": "Vietnam" } } },
    { "type": "Feature", "geometry": { "type": "Point", "coordinates": [138.3, 36.3] }, "properties": { "id": "392", "name": { "nl": "Japan", "en": "Japan" } } }
  ]
}
`;export{e as default};