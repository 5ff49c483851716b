// Opening OGR datasets and layers, and reprojecting to WGS84: what every reader in geo/ shares
// (facilities, demand and lanes in ogr_source, region polygons in region_layer). Internal to
// geo/: it exposes GDAL types.
#pragma once

#include <memory>
#include <string>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/ogr_source.h"

namespace mm::geo {

struct DatasetCloser {
  void operator()(GDALDataset* dataset) const { GDALClose(GDALDataset::ToHandle(dataset)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// Opens a vector dataset read-only; throws InputError "<path>: no such file" or "<path>: cannot
// open as vector geodata: <GDAL's reason>".
DatasetPtr open_dataset(const std::string& path);

// The layer named in `source`, else the only layer, else the one named `role`; throws naming
// the dataset and its layers.
OGRLayer* choose_layer(GDALDataset& dataset, const LayerSource& source, const std::string& role);

using TransformPtr = std::unique_ptr<OGRCoordinateTransformation>;

// The transformation from `source_crs` to WGS84 lon/lat (x = lon), or null when it is already
// WGS84 lon/lat. Throws naming `where` when there is none.
TransformPtr to_wgs84(const OGRSpatialReference& source_crs, const std::string& where);

// A CRS from "EPSG:n", WKT or a PROJ string; throws "<origin>: unknown CRS "<text>"".
OGRSpatialReference crs_from_text(const std::string& text, const std::string& origin);

}  // namespace mm::geo
