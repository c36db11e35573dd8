namespace InterfaceFirmware.Firmware.Persistence
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3, zlib and PNG (reflected polynomial 0xEDB88320, initial value and
    /// final XOR 0xFFFFFFFF; check value of "123456789" = 0xCBF43926), table-driven, integers only.
    /// </summary>
    public static class Crc32
    {
        private const uint Polynomial = 0xEDB88320u;

        private static readonly uint[] Table = BuildTable();

        /// <summary>
        /// Builds the table now (≈39,000 interpreted instructions, ≈80 ms on the device): called at
        /// start-up, so that the first save does not build it inside a control-loop tick. Returns
        /// its entries (256): reading the table is what builds it.
        /// </summary>
        public static int Prepare()
        {
            return Table.Length;
        }

        /// <summary>The CRC-32 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            return End(Update(Begin(), data, offset, count));
        }

        /// <summary>The running value before any byte: a CRC computed in parts is Begin, Update per part, End.</summary>
        public static uint Begin()
        {
            return 0xFFFFFFFFu;
        }

        /// <summary>The running value <paramref name="crc"/> carried over <paramref name="count"/> more bytes.</summary>
        public static uint Update(uint crc, byte[] data, int offset, int count)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = Table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        /// <summary>The CRC-32 of the bytes a running value has seen.</summary>
        public static uint End(uint crc)
        {
            return crc ^ 0xFFFFFFFFu;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int bit = 0; bit < 8; bit++)
                {
                    c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
