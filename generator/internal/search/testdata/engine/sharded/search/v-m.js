joinedupSearch.add("v-m",{"manag":[2,10],"mdt":[1,10],"multidisciplinari":[1,10]});
