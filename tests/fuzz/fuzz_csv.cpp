// libFuzzer target: the CSV reader every spreadsheet and dataset import goes through, with
// each separator it detects.
#include "io/csvreader.h"

using namespace caseatlas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    for (char separator : {',', ';', '\t', CsvReader::guessSeparator(bytes)}) {
        auto csv = CsvReader::fromBytes(bytes, separator);
        if (!csv)
            continue;
        qsizetype cells = 0;
        while (csv->next() && cells < 100000)
            for (int c = 0; c < csv->columnCount(); ++c)
                cells += csv->field(c).size() >= 0 ? 1 : 0;
    }
    return 0;
}
