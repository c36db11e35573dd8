using System.Collections;
using System.Text;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// The board's I2C bus: chip models attach at their addresses, every transaction is logged with
    /// its virtual time, and faults can be injected per address (NACKs, absence) or for the whole
    /// bus (stuck SDA/SCL).
    /// </summary>
    public sealed class VirtualI2cBus : II2cBus
    {
        /// <summary>The CSV export's header line.</summary>
        public const string CsvHeader = "time_ms,device,address,op,data,status";

        private static readonly byte[] NoBytes = new byte[0];
        private readonly VirtualClock _clock;
        private readonly DeterministicRandom _random;
        private readonly ArrayList _chips = new ArrayList();
        private readonly Hashtable _faults = new Hashtable();
        private readonly ArrayList _log = new ArrayList();

        public VirtualI2cBus(VirtualClock clock, int seed)
        {
            _clock = clock;
            _random = new DeterministicRandom(seed);
            LogEnabled = true;
        }

        /// <summary>While true, every transaction times out (a device holds SDA or SCL low).</summary>
        public bool Stuck { get; set; }

        /// <summary>Whether transactions are recorded (benchmarks turn it off).</summary>
        public bool LogEnabled { get; set; }

        /// <summary>The recorded transactions, oldest first (<see cref="I2cTransaction"/> items).</summary>
        public ArrayList Log
        {
            get { return _log; }
        }

        /// <summary>Every transaction attempted since the bus was created, logged or not.</summary>
        public int TransactionCount { get; private set; }

        public void Attach(I2cChipModel chip)
        {
            _chips.Add(chip);
        }

        public I2cChipModel Find(int address)
        {
            for (int i = 0; i < _chips.Count; i++)
            {
                var chip = (I2cChipModel)_chips[i];
                if (chip.Address == address)
                {
                    return chip;
                }
            }

            return null;
        }

        /// <summary>The fault plan for an address, created on first use.</summary>
        public I2cFaultPlan FaultsAt(int address)
        {
            var plan = (I2cFaultPlan)_faults[address];
            if (plan == null)
            {
                plan = new I2cFaultPlan();
                _faults[address] = plan;
            }

            return plan;
        }

        /// <summary>Writes that changed nothing, summed over every attached chip.</summary>
        public int RedundantWriteCount
        {
            get
            {
                int total = 0;
                for (int i = 0; i < _chips.Count; i++)
                {
                    total += ((I2cChipModel)_chips[i]).RedundantWrites;
                }

                return total;
            }
        }

        public void ClearLog()
        {
            _log.Clear();
        }

        public I2cStatus Write(int address, byte[] buffer, int offset, int count)
        {
            I2cChipModel chip = Find(address);
            I2cStatus status = Admit(address, chip);
            if (status == I2cStatus.Ok)
            {
                status = chip.HandleWrite(buffer, offset, count, _clock.NowUs);
            }

            Record(chip, address, I2cOperation.Write, Copy(buffer, offset, count), NoBytes, status);
            return status;
        }

        public I2cStatus Read(int address, byte[] buffer, int offset, int count)
        {
            I2cChipModel chip = Find(address);
            I2cStatus status = Admit(address, chip);
            if (status == I2cStatus.Ok)
            {
                status = chip.HandleRead(buffer, offset, count, _clock.NowUs);
            }

            if (status != I2cStatus.Ok)
            {
                System.Array.Clear(buffer, offset, count);
            }

            Record(chip, address, I2cOperation.Read, NoBytes, Copy(buffer, offset, count), status);
            return status;
        }

        public I2cStatus WriteRead(int address, byte[] writeBuffer, int writeOffset, int writeCount,
            byte[] readBuffer, int readOffset, int readCount)
        {
            I2cChipModel chip = Find(address);
            I2cStatus status = Admit(address, chip);
            if (status == I2cStatus.Ok)
            {
                status = chip.HandleWriteRead(writeBuffer, writeOffset, writeCount, readBuffer, readOffset, readCount, _clock.NowUs);
            }

            if (status != I2cStatus.Ok)
            {
                System.Array.Clear(readBuffer, readOffset, readCount);
            }

            Record(chip, address, I2cOperation.WriteRead, Copy(writeBuffer, writeOffset, writeCount),
                Copy(readBuffer, readOffset, readCount), status);
            return status;
        }

        /// <summary>The log as CSV: <see cref="CsvHeader"/>, then one line per transaction.</summary>
        public string ExportCsv()
        {
            var csv = new StringBuilder();
            csv.Append(CsvHeader);
            csv.Append('\n');
            for (int i = 0; i < _log.Count; i++)
            {
                AppendCsvLine(csv, (I2cTransaction)_log[i]);
                csv.Append('\n');
            }

            return csv.ToString();
        }

        /// <summary>One transaction as a CSV line (no line break), e.g. <c>12.500,WM8960,0x1A,write,0x05 0x00,ok</c>.</summary>
        public static void AppendCsvLine(StringBuilder csv, I2cTransaction t)
        {
            csv.Append((t.TimeUs / 1000).ToString());
            csv.Append('.');
            csv.Append((t.TimeUs % 1000).ToString("D3"));
            csv.Append(',');
            csv.Append(t.Device);
            csv.Append(",0x");
            csv.Append(t.Address.ToString("X2"));
            csv.Append(',');
            csv.Append(OperationName(t.Operation));
            csv.Append(',');
            AppendHex(csv, t.Written);
            if (t.Operation == I2cOperation.WriteRead)
            {
                csv.Append(" | ");
            }

            AppendHex(csv, t.Read);
            csv.Append(',');
            csv.Append(StatusName(t.Status));
        }

        public static string OperationName(I2cOperation operation)
        {
            switch (operation)
            {
                case I2cOperation.Write: return "write";
                case I2cOperation.Read: return "read";
                default: return "write_read";
            }
        }

        public static string StatusName(I2cStatus status)
        {
            switch (status)
            {
                case I2cStatus.Ok: return "ok";
                case I2cStatus.AddressNotAcknowledged: return "nack_address";
                case I2cStatus.DataNotAcknowledged: return "nack_data";
                case I2cStatus.BusTimeout: return "bus_timeout";
                default: return "error";
            }
        }

        private I2cStatus Admit(int address, I2cChipModel chip)
        {
            TransactionCount++;
            if (Stuck)
            {
                return I2cStatus.BusTimeout;
            }

            I2cFaultPlan faults = (I2cFaultPlan)_faults[address];
            if (chip == null || !chip.Powered)
            {
                return I2cStatus.AddressNotAcknowledged;
            }

            if (faults != null && (faults.Absent || faults.InNackWindow(_clock.NowUs) || _random.Chance(faults.NackProbability)))
            {
                return I2cStatus.AddressNotAcknowledged;
            }

            return I2cStatus.Ok;
        }

        private void Record(I2cChipModel chip, int address, I2cOperation operation, byte[] written, byte[] read, I2cStatus status)
        {
            if (LogEnabled)
            {
                _log.Add(new I2cTransaction(_clock.NowUs, chip == null ? "?" : chip.Name, address, operation, written, read, status));
            }
        }

        private byte[] Copy(byte[] buffer, int offset, int count)
        {
            if (!LogEnabled || count <= 0)
            {
                return NoBytes;
            }

            var copy = new byte[count];
            System.Array.Copy(buffer, offset, copy, 0, count);
            return copy;
        }

        private static void AppendHex(StringBuilder csv, byte[] bytes)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                if (i > 0)
                {
                    csv.Append(' ');
                }

                csv.Append("0x");
                csv.Append(bytes[i].ToString("X2"));
            }
        }
    }
}
