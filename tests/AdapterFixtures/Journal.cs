using System.Collections;

namespace InterfaceFirmware.AdapterFixtures
{
    /// <summary>Records what the fixtures did, in order, so the adapter tests can check the sequence.</summary>
    public static class Journal
    {
        private static readonly ArrayList Entries = new ArrayList();

        public static void Add(string entry)
        {
            lock (Entries)
            {
                Entries.Add(entry);
            }
        }

        public static string[] Snapshot()
        {
            lock (Entries)
            {
                return (string[])Entries.ToArray(typeof(string));
            }
        }

        public static void Clear()
        {
            lock (Entries)
            {
                Entries.Clear();
            }
        }
    }
}
