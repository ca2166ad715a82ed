package io.rebalancer.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.domain.PriceBar;
import io.rebalancer.domain.Ticker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvPriceReaderTest {
    static final String SHARED = "date,open,high,low,close,adj_close,volume\n";
    static final String YAHOO = "Date,Open,High,Low,Close,Adj Close,Volume\n";
    static final String ROW1 = "2015-01-02,206.38,206.88,204.18,205.43,170.125015,121465900\n";
    static final String ROW2 = "2015-01-05,204.17,204.37,201.35,201.72,167.052643,169632600\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private void assertBadRow(String content, String expectedAfterFile) throws IOException {
        Path file = write("SPY.csv", content);
        DataFileException e = assertThrows(DataFileException.class, () -> CsvPriceReader.read(file));
        assertEquals(file + expectedAfterFile, e.getMessage());
    }

    @Test
    void read_sharedFormat_returnsBarsWithTickerFromFileName() throws IOException {
        List<PriceBar> bars = CsvPriceReader.read(write("SPY.csv", SHARED + ROW1 + ROW2));
        assertEquals(List.of(
                new PriceBar(Ticker.of("SPY"), LocalDate.of(2015, 1, 2), 206.38, 206.88, 204.18, 205.43, 170.125015, 121465900),
                new PriceBar(Ticker.of("SPY"), LocalDate.of(2015, 1, 5), 204.17, 204.37, 201.35, 201.72, 167.052643, 169632600)),
                bars);
    }

    @Test
    void read_yahooFormatLowerCaseNameNoTrailingNewline_detectedByHeader() throws IOException {
        List<PriceBar> bars = CsvPriceReader.read(write("spy.csv", YAHOO + ROW1 + ROW2.strip()));
        assertEquals(2, bars.size());
        assertEquals(Ticker.of("SPY"), bars.get(1).ticker());
        assertEquals(201.72, bars.get(1).close());
    }

    @Test
    void read_columnsInOtherOrderAndTickerGiven_mapsByHeader() throws IOException {
        Path file = write("whatever.csv", "volume,date,close,adj_close,open,high,low\n100,2015-01-02,10,9,10,11,9.5\n");
        PriceBar bar = CsvPriceReader.read(file, Ticker.of("QQQ")).get(0);
        assertEquals(new PriceBar(Ticker.of("QQQ"), LocalDate.of(2015, 1, 2), 10, 11, 9.5, 10, 9, 100), bar);
    }

    @Test
    void read_realSharedFile_has3425RowsFromMetaFirstDay() {
        List<PriceBar> bars = CsvPriceReader.read(Path.of("backtest-data/prices/AAPL.csv"));
        assertEquals(3425, bars.size());
        assertEquals(LocalDate.of(2012, 5, 18), bars.get(0).date());
        assertEquals(LocalDate.of(2025, 12, 31), bars.get(3424).date());
    }

    @Test
    void read_notANumber_reportsFileLineFieldAndValue() throws IOException {
        assertBadRow(SHARED + ROW1 + "2015-01-05,204.17,204.37,201.35,abc,167.05,169632600\n",
                ":3: field 'close' value 'abc' is not a number");
    }

    @Test
    void read_yahooNullRow_reportsNullValue() throws IOException {
        assertBadRow(YAHOO + ROW1 + "2015-01-05,null,null,null,null,null,null\n",
                ":3: field 'open' value 'null' is not a number (Yahoo writes null for a day without data)");
    }

    @Test
    void read_badDate_reportsDateField() throws IOException {
        assertBadRow(SHARED + "2015-13-01,1,2,1,1,1,1\n", ":2: field 'date' value '2015-13-01' is not a date (yyyy-mm-dd)");
    }

    @Test
    void read_zeroOrNegativePrice_reportsNotPositive() throws IOException {
        assertBadRow(SHARED + ROW1 + "2015-01-05,204.17,204.37,0,201.72,167.05,169632600\n",
                ":3: field 'low' value '0' is not positive");
        assertBadRow(SHARED + "2015-01-05,204.17,204.37,201.35,201.72,-1.5,169632600\n",
                ":2: field 'adj_close' value '-1.5' is not positive");
    }

    @Test
    void read_highBelowLow_reportsBoth() throws IOException {
        assertBadRow(SHARED + ROW1 + "2015-01-05,10,9.5,10.5,10,9,100\n",
                ":3: field 'high' value '9.5' is below field 'low' value '10.5'");
    }

    @Test
    void read_closeAThousandTimesThePreviousDays_refusedNamingBothCloses() throws IOException {
        // ROW2's prices in thousandths of a dollar: 201,720 / 205.43 (ROW1's close) = 981.9
        assertBadRow(SHARED + ROW1 + "2015-01-05,204170,204370,201350,201720,167052.643,169632600\n",
                ":3: field 'close' value '201720': close 201720 on 2015-01-05 is 981.9 times the close 205.43 on"
                        + " 2015-01-02, more than a factor of 3 in one trading day: another symbol's prices, a unit"
                        + " error or a split not applied");
    }

    @Test
    void read_duplicateDate_namesEarlierLine() throws IOException {
        assertBadRow(SHARED + ROW1 + ROW2 + ROW2, ":4: field 'date' value '2015-01-05' repeats the date of line 3");
    }

    @Test
    void read_unsortedDate_namesEarlierDateAndLine() throws IOException {
        assertBadRow(SHARED + ROW2 + ROW1,
                ":3: field 'date' value '2015-01-02' is before 2015-01-05 on line 2 (dates must be ascending)");
    }

    @Test
    void read_blankLinesInside_keepRealLineNumbers() throws IOException {
        assertBadRow(SHARED + ROW1 + "\n\n" + "2015-01-05,1,2,1,x,1,1\n", ":5: field 'close' value 'x' is not a number");
    }

    @Test
    void read_wrongFieldCount_reportsCounts() throws IOException {
        assertBadRow(SHARED + ROW1 + "2015-01-05,204.17,204.37,201.35,201.72,167.05\n", ":3: expected 7 fields, found 6");
    }

    @Test
    void read_fractionalVolume_reportsNotWhole() throws IOException {
        assertBadRow(SHARED + "2015-01-05,1,2,1,1,1,12.5\n", ":2: field 'volume' value '12.5' is not a whole number");
    }

    @Test
    void read_unknownHeader_reportsLineOne() throws IOException {
        assertBadRow("day,open,high,low,close,adj_close,volume\n" + ROW1,
                ":1: header 'day,open,high,low,close,adj_close,volume' does not match the expected columns "
                        + "date,open,high,low,close,adj_close,volume");
    }

    @Test
    void read_emptyFileOrHeaderOnly_reportsNoData() throws IOException {
        assertBadRow("", ":1: file is empty; expected a header date,open,high,low,close,adj_close,volume");
        assertBadRow(SHARED, ": file has a header but no data rows");
    }

    @Test
    void read_fileNameNotATicker_reportsFileName() throws IOException {
        Path file = write("my prices.csv", SHARED + ROW1);
        DataFileException e = assertThrows(DataFileException.class, () -> CsvPriceReader.read(file));
        assertEquals(file + ": cannot tell the ticker from the file name: invalid ticker 'MY PRICES'", e.getMessage());
    }
}
