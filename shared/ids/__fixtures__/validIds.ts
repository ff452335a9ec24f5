/**
 * Valid identifiers computed by an independent (Python) implementation, not by the module under
 * test, so a wrong weight or alphabet in the module cannot make its own fixtures agree with it.
 */
export const VALID_RESIDENT_IDS: readonly string[] = [
  '371082198507121238',
  '11010519491231002X',
  '440304200002294568',
  '510107199602290019',
  '650102190001019870',
  '81000020201231555X',
  '310115197811053419',
  '230103195503156788',
  '710000199009091112',
  '910000199912319993',
  '12010419620430052X',
  '450302197310172831',
];

/** The GB 32100 example plus generated codes; their embedded organisation codes are valid too. */
export const VALID_USCCS: readonly string[] = [
  '91350100M000100Y43',
  '913501003EDFR8JX07',
  '91370100U7DA6YDH44',
  '12100000CU2BDW9T3E',
  '52440300UJGA14LW80',
  '93110108NJ84WYGW6P',
  'Y13205009JNH2WWL6K',
  'N2210200LB81DJJU8E',
  '113300006E1JTF8987',
  '9111000062847LUKX0',
  '51510000ACY1DL9489',
];

/**
 * Organisation codes (GB 11714): D2143569-X is the standard's example, M000100Y4 is embedded in the
 * GB 32100 example. Old org codes use the full A–Z, including I, O, S, V, Z.
 */
export const VALID_ORG_CODES: readonly string[] = [
  'D2143569X',
  'M000100Y4',
  '123456788',
  'A1B2C3D48',
  '000000000',
  'ZZZZZZZZ3',
  'MA3C0N4R2',
  '793128652',
  'OIS0VZ129',
  '400000122',
  'MA01H3KX6',
];
